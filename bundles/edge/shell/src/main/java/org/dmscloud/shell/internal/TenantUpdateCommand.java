package org.dmscloud.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.api.tenant.TenantSettings;

@Service
@Command(scope = "dms", name = "tenant-update", description = "Changes a tenant's name, host names, brand, currency, catalog or prices; "
        + "what is not given stays as it is")
public class TenantUpdateCommand extends TenantOptions implements Action {

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--add-host", multiValued = true, description = "A host name to add to those it answers at")
    List<String> addHosts;

    @Option(name = "--remove-host", multiValued = true, description = "A host name it should no longer answer at")
    List<String> removeHosts;

    @Reference
    TenantDirectory directory;

    @Reference
    TenantAdministration tenants;

    @Reference
    Session session;

    @Override
    public Object execute() {
        TenantId id = new TenantId(tenant.trim());
        Tenant current = directory.find(id).orElseThrow(() -> new TenantNotFoundException(id));
        TenantSettings settings = apply(current.settings(), false);
        List<String> hostNames = new ArrayList<>(settings.hostNames());
        (addHosts == null ? List.<String>of() : addHosts).forEach(host -> hostNames.add(host.trim().toLowerCase(Locale.ROOT)));
        (removeHosts == null ? List.<String>of() : removeHosts).forEach(host -> hostNames.remove(host.trim().toLowerCase(Locale.ROOT)));
        TenantSettings changed = new TenantSettings(settings.name(), hostNames, settings.brand(), settings.currency(), settings.catalog(),
                settings.prices(), settings.platformPayments(), settings.pluginBundles());
        try {
            TenantText.print(tenants.update(id, changed, OperatorName.of(session)));
        } catch (InvalidInputException invalid) {
            throw TenantText.refusal(invalid);
        }
        return null;
    }
}
