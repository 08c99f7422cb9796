package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;

@Service
@Command(scope = "dms", name = "tenant-list", description = "Lists the tenants: the platform (default) and the resellers")
public class TenantListCommand implements Action {

    @Reference
    TenantDirectory tenants;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Status");
        table.column("Hosts");
        table.column("Currency");
        table.column("Catalog");
        table.column("Prices");
        for (Tenant tenant : tenants.list()) {
            table.addRow().addContent(tenant.id(), tenant.name(), tenant.status(), String.join(", ", tenant.settings().hostNames()),
                    tenant.settings().currency().getCurrencyCode(), TenantText.catalog(tenant.settings()), TenantText.prices(tenant.settings()));
        }
        table.print(System.out);
        return null;
    }
}
