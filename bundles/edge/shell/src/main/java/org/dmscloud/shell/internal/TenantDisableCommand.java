package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.tenant.TenantStatus;

@Service
@Command(scope = "dms", name = "tenant-disable", description = "Closes a tenant's portal (it answers 503 with a page saying so); its "
        + "instances go on being billed unless disabled too")
public class TenantDisableCommand extends TenantStatusCommand {

    @Option(name = "--reason", required = true, description = "Why, kept in the tenant's audit")
    String reason;

    @Override
    TenantStatus status() {
        return TenantStatus.DISABLED;
    }

    @Override
    String reason() {
        return reason;
    }
}
