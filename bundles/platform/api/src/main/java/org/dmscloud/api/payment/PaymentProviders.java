package org.dmscloud.api.payment;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The payment providers installed right now, sorted by id; they change as provider bundles come and go. A
 * provider's id names one payment account: the platform's, or one tenant's own.
 */
@ProviderType
public interface PaymentProviders {

    /** The providers a tenant's customers can pay through: its own, and the platform's if it may use them. */
    List<PaymentProviderInfo> providers(TenantId tenant);

    /** Every installed provider, whichever tenant it serves, for operators. */
    List<PaymentProviderInfo> all();

    /** The provider, if the tenant's customers can pay through it. */
    Optional<PaymentProviderInfo> find(TenantId tenant, String providerId);

    /** The amounts the provider takes in this currency; empty if it does not take the currency (or is not the tenant's to use). */
    Optional<TopUpLimits> limits(TenantId tenant, String providerId, Currency currency);
}
