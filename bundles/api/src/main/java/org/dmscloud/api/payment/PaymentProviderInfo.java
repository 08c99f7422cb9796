package org.dmscloud.api.payment;

import java.util.Objects;

/**
 * A payment provider the platform can take top-ups through.
 *
 * @param available         whether it can take a top-up now
 * @param unavailableReason why not, for an operator (e.g. a missing API key); empty when available
 * @param needsBillingDetails whether a top-up needs {@link BillingDetails} (e.g. for an invoice)
 * @param providedBy        the symbolic name of the bundle that contributes it
 */
public record PaymentProviderInfo(String id, String displayName, boolean available, String unavailableReason,
        boolean needsBillingDetails, String providedBy) {

    public PaymentProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(providedBy, "providedBy");
    }
}
