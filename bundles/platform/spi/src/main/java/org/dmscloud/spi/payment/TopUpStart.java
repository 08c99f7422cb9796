package org.dmscloud.spi.payment;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a started top-up goes on.
 *
 * @param providerReference the provider's id for this payment (a Checkout Session id, an invoice's
 *                          payment reference), used to match confirmations and to {@linkplain
 *                          PaymentProvider#check check} it later
 * @param paymentPage       where to send the customer to pay, if the provider has such a page
 * @param instructions      what the customer should do next, in words they understand
 * @param operatorTask      what an operator must do next, if anything (e.g. issue an invoice): the host
 *                          mails it to the operators when the top-up is recorded
 */
public record TopUpStart(String providerReference, Optional<URI> paymentPage, String instructions, Optional<String> operatorTask) {

    public TopUpStart {
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(paymentPage, "paymentPage");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(operatorTask, "operatorTask");
        if (providerReference.isBlank()) {
            throw new IllegalArgumentException("a started top-up needs the provider's reference");
        }
    }
}
