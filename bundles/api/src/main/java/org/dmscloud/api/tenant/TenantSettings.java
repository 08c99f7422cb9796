package org.dmscloud.api.tenant;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator sets for a tenant.
 *
 * @param hostNames host names its portal and API answer at, lower case, without a port
 * @param brand     empty for the default tenant, which speaks as the platform (etc/org.dmscloud.mail.cfg)
 * @param currency  of its new accounts
 * @param platformPayments whether its customers may pay through the platform's payment providers (its accounts,
 *                  where the money goes to the platform) besides its own; the default tenant always does
 */
public record TenantSettings(String name, List<String> hostNames, Optional<Brand> brand, Currency currency, CatalogSelection catalog,
        PriceAdjustment prices, boolean platformPayments) {

    public TenantSettings {
        Objects.requireNonNull(name, "name");
        hostNames = List.copyOf(hostNames);
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(prices, "prices");
    }
}
