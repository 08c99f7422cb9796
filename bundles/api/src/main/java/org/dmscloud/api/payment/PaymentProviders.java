package org.dmscloud.api.payment;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The payment providers installed right now, sorted by id; they change as provider bundles come and go. */
@ProviderType
public interface PaymentProviders {

    List<PaymentProviderInfo> providers();

    Optional<PaymentProviderInfo> find(String providerId);

    /** The amounts the provider takes in this currency; empty if it does not take the currency (or is not installed). */
    Optional<TopUpLimits> limits(String providerId, Currency currency);
}
