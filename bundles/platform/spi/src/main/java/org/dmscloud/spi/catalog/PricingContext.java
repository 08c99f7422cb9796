package org.dmscloud.spi.catalog;

import java.util.Currency;
import java.util.Objects;

import org.dmscloud.api.account.TenantId;

/**
 * What a price depends on besides the configuration: whose customer asks, and in which currency. A class
 * rather than parameters, so that what a later host adds here does not break any plugin.
 */
public final class PricingContext {

    private final TenantId tenant;
    private final Currency currency;

    private PricingContext(TenantId tenant, Currency currency) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static PricingContext of(TenantId tenant, Currency currency) {
        return new PricingContext(tenant, currency);
    }

    /** The tenant whose customer the price is for; {@link TenantId#DEFAULT} for the platform's own. */
    public TenantId tenant() {
        return tenant;
    }

    /** The currency to answer in: the account's. */
    public Currency currency() {
        return currency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PricingContext other && tenant.equals(other.tenant) && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, currency);
    }

    @Override
    public String toString() {
        return "PricingContext[tenant=" + tenant + ", currency=" + currency + "]";
    }
}
