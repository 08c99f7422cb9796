package org.dmscloud.api.catalog;

import java.util.Currency;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Prices configurations for a tenant's customers with the pricing plugins installed now: the package's
 * plugin and each chosen option's plugin, the tenant's own beating the platform's, and the platform's
 * prices adjusted as the tenant's settings say (a markup, or a fixed daily price of an item). Prices apply
 * from the next charge on (rule R10); nothing here looks at past charges.
 */
@ProviderType
public interface Pricing {

    /**
     * The daily rate of this configuration in this currency, for a customer of this tenant.
     *
     * @throws InvalidConfigurationException if the package or an option is not on sale to the tenant, the
     *         number of devices is outside the package's range, or a plugin cannot price it; the message says which
     */
    DailyRate dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency);
}
