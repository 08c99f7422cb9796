package org.dmscloud.api.payment;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.money.Money;

/**
 * A customer's request to top up the balance.
 *
 * @param billingDetails required by providers that issue invoices
 * @param requestKey     the customer's Idempotency-Key: the same key again answers the first top-up
 */
public record NewTopUp(String providerId, Money amount, Optional<BillingDetails> billingDetails, Optional<String> requestKey) {

    public NewTopUp {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(billingDetails, "billingDetails");
        Objects.requireNonNull(requestKey, "requestKey");
    }
}
