package org.dmscloud.api.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;

/**
 * Money a customer asked to put on the balance through one payment provider.
 *
 * @param amount            what was asked for
 * @param received          what arrived and was credited so far; more than the amount when overpaid
 * @param providerReference the provider's id for the payment, once started
 * @param paymentPage       where the customer pays, if the provider has such a page
 * @param instructions      what the customer should do next
 * @param detail            the latest word from the provider or an operator, for people
 */
public record TopUp(TopUpId id, AccountId account, String providerId, Money amount, Money received, TopUpStatus status,
        Optional<String> providerReference, Optional<URI> paymentPage, String instructions, Optional<BillingDetails> billingDetails,
        String customerEmail, String detail, Instant createdAt, Instant updatedAt) {

    public TopUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(paymentPage, "paymentPage");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(billingDetails, "billingDetails");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What is still to be paid: zero once the amount arrived. */
    public Money outstanding() {
        Money rest = amount.minus(received);
        return rest.isPositive() ? rest : Money.zero(amount.currency());
    }

    /** What arrived beyond the amount asked for (it is on the balance too). */
    public Money overpaid() {
        Money extra = received.minus(amount);
        return extra.isPositive() ? extra : Money.zero(amount.currency());
    }
}
