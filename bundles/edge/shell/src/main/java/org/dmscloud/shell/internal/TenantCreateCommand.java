package org.dmscloud.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.api.tenant.TenantSettings;

@Service
@Command(scope = "dms", name = "tenant-create", description = "Adds a reseller: its id, name, host names and brand (support address, mail sender, "
        + "portal address); it sells everything at the platform's prices until told otherwise")
public class TenantCreateCommand extends TenantOptions implements Action {

    @Argument(index = 0, name = "tenant", required = true, description = "Its id: lowercase letters, digits and '-', for life")
    String tenant;

    @Reference
    TenantAdministration tenants;

    @Reference
    TenantDirectory directory;

    @Reference
    Session session;

    @Override
    public Object execute() {
        // A new tenant's accounts are in the platform's currency unless --currency says otherwise.
        TenantSettings platform = directory.find(TenantId.DEFAULT).orElseThrow(() -> new TenantNotFoundException(TenantId.DEFAULT)).settings();
        TenantSettings blank = new TenantSettings(tenant.trim(), List.of(), Optional.empty(), platform.currency(), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false);
        try {
            TenantText.print(tenants.create(new TenantId(tenant.trim()), apply(blank, true), OperatorName.of(session)));
        } catch (InvalidInputException invalid) {
            throw TenantText.refusal(invalid);
        }
        return null;
    }
}
