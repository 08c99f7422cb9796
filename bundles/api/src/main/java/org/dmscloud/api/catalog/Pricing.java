package org.dmscloud.api.catalog;

import java.util.Currency;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prices configurations with the pricing plugins installed now: the package's plugin and each chosen
 * option's plugin. Prices apply from the next charge on (rule R10); nothing here looks at past charges.
 */
@ProviderType
public interface Pricing {

    /**
     * The daily rate of this configuration in this currency.
     *
     * @throws InvalidConfigurationException if the package or an option is not on sale, the number of
     *         devices is outside the package's range, or a plugin cannot price it; the message says which
     */
    DailyRate dailyRate(InstanceConfiguration configuration, Currency currency);
}
