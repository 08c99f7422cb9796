package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantStatus;

/** What tenant-disable and tenant-enable share: the tenant, the operator and the change of status. */
abstract class TenantStatusCommand implements Action {

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Reference
    TenantAdministration tenants;

    @Reference
    Session session;

    abstract TenantStatus status();

    abstract String reason();

    @Override
    public Object execute() {
        TenantText.print(tenants.setStatus(new TenantId(tenant.trim()), status(), reason(), OperatorName.of(session)));
        return null;
    }
}
