package org.dmscloud.api.tenant;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator sets for a tenant.
 *
 * @param hostNames host names its portal and API answer at, lower case, without a port
 * @param brand     empty for the default tenant, which speaks as the platform (etc/org.dmscloud.mail.cfg)
 * @param currency  of its new accounts
 * @param platformPayments whether its customers may pay through the platform's payment providers (its accounts,
 *                  where the money goes to the platform) besides its own; the default tenant always does
 * @param pluginBundles the symbolic names of the plugin bundles an operator lets act for this tenant: only their
 *                  services registered with the tenant's scope ({@code dms.tenant}) are its own packages, options,
 *                  prices and payment providers; the platform's own bundles ({@code dms-cloud-*}, configured by
 *                  operators) need no binding
 */
public record TenantSettings(String name, List<String> hostNames, Optional<Brand> brand, Currency currency, CatalogSelection catalog,
        PriceAdjustment prices, boolean platformPayments, Set<String> pluginBundles) {

    /** Settings without plugin bundles of its own. */
    public TenantSettings(String name, List<String> hostNames, Optional<Brand> brand, Currency currency, CatalogSelection catalog,
            PriceAdjustment prices, boolean platformPayments) {
        this(name, hostNames, brand, currency, catalog, prices, platformPayments, Set.of());
    }

    public TenantSettings {
        Objects.requireNonNull(name, "name");
        hostNames = List.copyOf(hostNames);
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(prices, "prices");
        pluginBundles = Set.copyOf(pluginBundles);
    }
}
