package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;

@Service
@Command(scope = "dms", name = "tenant-show", description = "Shows a tenant's settings and the latest changes operators made to it")
public class TenantShowCommand implements Action {

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--audit", description = "How many of the latest changes (default 10)")
    int audit = 10;

    @Reference
    TenantDirectory directory;

    @Reference
    TenantAdministration tenants;

    @Override
    public Object execute() {
        TenantId id = new TenantId(tenant.trim());
        TenantText.print(directory.find(id).orElseThrow(() -> new TenantNotFoundException(id)));
        System.out.println("Changes:");
        TenantText.printAudit(tenants.audit(id, Math.max(1, audit)));
        return null;
    }
}
