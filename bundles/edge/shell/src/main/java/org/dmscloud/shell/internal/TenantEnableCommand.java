package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.tenant.TenantStatus;

@Service
@Command(scope = "dms", name = "tenant-enable", description = "Opens a disabled tenant's portal again")
public class TenantEnableCommand extends TenantStatusCommand {

    @Option(name = "--reason", description = "Why, kept in the tenant's audit")
    String reason = "enabled again";

    @Override
    TenantStatus status() {
        return TenantStatus.ENABLED;
    }

    @Override
    String reason() {
        return reason;
    }
}
