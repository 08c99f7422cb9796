package org.dmscloud.spi.payment;

import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.TopUpId;

/**
 * A customer's request to put money on their balance.
 *
 * @param topUpId        the host's id for this top-up; unique, and the idempotency key towards the provider
 * @param account        the account to credit
 * @param amount         how much, in the account's currency, within the provider's limits
 * @param customerEmail  where the provider may send receipts
 * @param billingDetails present whenever the provider {@linkplain PaymentProvider#needsBillingDetails() needs them}
 */
public record TopUpRequest(TopUpId topUpId, AccountId account, Money amount, String customerEmail,
        Optional<BillingDetails> billingDetails) {

    public TopUpRequest {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(billingDetails, "billingDetails");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a top-up must be a positive amount, was " + amount);
        }
    }
}
