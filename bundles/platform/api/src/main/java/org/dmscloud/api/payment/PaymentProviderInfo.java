package org.dmscloud.api.payment;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;

/**
 * A payment provider the platform can take top-ups through.
 *
 * @param available         whether it can take a top-up now
 * @param unavailableReason why not, for an operator (e.g. a missing API key); empty when available
 * @param needsBillingDetails whether a top-up needs {@link BillingDetails} (e.g. for an invoice)
 * @param providedBy        the symbolic name of the bundle that contributes it
 * @param tenant            the only tenant it serves (its own payment account); empty for the platform's
 */
public record PaymentProviderInfo(String id, String displayName, boolean available, String unavailableReason,
        boolean needsBillingDetails, String providedBy, Optional<TenantId> tenant) {

    public PaymentProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(providedBy, "providedBy");
        Objects.requireNonNull(tenant, "tenant");
    }
}
