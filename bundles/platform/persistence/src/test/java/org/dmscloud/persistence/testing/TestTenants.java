package org.dmscloud.persistence.testing;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;

/** The reseller the tests of several bundles sell through: Acme, in USD, with its own brand, host and support address. */
public final class TestTenants {

    public static final TenantId ACME = new TenantId("acme");

    private TestTenants() {
    }

    /** Acme's settings: everything the platform sells, at the platform's prices, paid into its own accounts only. */
    public static TenantSettings acme() {
        return new TenantSettings("Acme Networks", List.of("acme.dms.example"), Optional.of(new Brand("Acme DMS", "support@acme.example",
                "noreply@acme.example", "https://portal.acme.example")), Currency.getInstance("USD"), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false);
    }
}
