package org.dmscloud.spi.payment;

import java.util.Objects;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;

/**
 * A customer's request to put money on their balance.
 *
 * @param topUpId       the host's id for this top-up; unique, and the idempotency key towards the provider
 * @param account       the account to credit
 * @param amount        how much, in the account's currency
 * @param customerEmail where the provider may send receipts
 */
public record TopUpRequest(UUID topUpId, AccountId account, Money amount, String customerEmail) {

    public TopUpRequest {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customerEmail, "customerEmail");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a top-up must be a positive amount, was " + amount);
        }
    }
}
