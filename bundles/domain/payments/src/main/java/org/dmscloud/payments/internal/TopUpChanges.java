package org.dmscloud.payments.internal;

import java.time.Instant;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.spi.payment.TopUpStart;

/** Copies of a top-up with what changes over its life. */
final class TopUpChanges {

    private TopUpChanges() {
    }

    static TopUp with(TopUp topUp, TopUpStatus status, Money received, String detail, Instant at) {
        return new TopUp(topUp.id(), topUp.account(), topUp.providerId(), topUp.amount(), received, status, topUp.providerReference(),
                topUp.paymentPage(), topUp.instructions(), topUp.billingDetails(), topUp.customerEmail(), detail, topUp.createdAt(), at);
    }

    static TopUp started(TopUp topUp, TopUpStart start, Instant at) {
        return new TopUp(topUp.id(), topUp.account(), topUp.providerId(), topUp.amount(), topUp.received(), TopUpStatus.PENDING,
                java.util.Optional.of(start.providerReference()), start.paymentPage(), start.instructions(), topUp.billingDetails(),
                topUp.customerEmail(), "", topUp.createdAt(), at);
    }
}
