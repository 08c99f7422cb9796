package org.dmscloud.api.payment;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What payment-provider plugins tell the host: money that arrived, payments that failed, notifications
 * received, documents to issue. Each top-up is found by the provider's id and its own reference.
 */
@ProviderType
public interface TopUpSettlement {

    Optional<TopUp> find(String providerId, String providerReference);

    /**
     * Credits a payment to the top-up's account, once per payment key: the same key again changes
     * nothing and answers the top-up as it stands. Money is credited whatever the top-up's status, so a
     * payment that arrives after a cancellation is not lost.
     *
     * @throws TopUpNotFoundException if no top-up has this reference
     * @throws org.dmscloud.api.money.CurrencyMismatchException if the payment is not in the account's currency
     */
    TopUp recordPayment(String providerId, String providerReference, ReceivedPayment payment);

    /**
     * The payment failed or expired at the provider: a top-up that received nothing is marked failed; one
     * that received money keeps its status and notes the detail.
     *
     * @throws TopUpNotFoundException if no top-up has this reference
     */
    TopUp recordFailure(String providerId, String providerReference, String detail);

    /**
     * Records a notification from the provider (a webhook event) with what it did. A redelivered event
     * is counted, not stored again.
     *
     * @return whether this is the first delivery of the event
     */
    boolean recordEvent(String providerId, String eventId, String type, String payload, String outcome);

    /**
     * Issues a document for the top-up: numbers it in the template's series without gaps, stores it
     * (customers download it from their top-up) and mails it to the account's users, all in one
     * transaction, holding the top-up's lock.
     *
     * @param another whether to issue it although the top-up has a document of this kind (e.g. a corrected
     *                invoice); without it, such a document is refused, so that two operators acting at once
     *                cannot issue two
     * @throws TopUpNotFoundException if no top-up has this reference
     * @throws TopUpStateException    if it has a document of this kind and {@code another} is false
     */
    TopUpDocument issueDocument(String providerId, String providerReference, DocumentTemplate template, boolean another);
}
