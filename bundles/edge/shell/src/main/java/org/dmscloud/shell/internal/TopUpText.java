package org.dmscloud.shell.internal;

import org.dmscloud.api.payment.TopUp;

/** How a top-up's state is printed by the commands that show or change one. */
final class TopUpText {

    private TopUpText() {
    }

    static void print(TopUp topUp) {
        System.out.println("Top-up:    " + topUp.id() + " of account " + topUp.account() + " (" + topUp.customerEmail() + ")");
        System.out.println("Provider:  " + topUp.providerId() + topUp.providerReference().map(r -> ", reference " + r).orElse(""));
        System.out.println("Status:    " + topUp.status() + ": " + topUp.received() + " of " + topUp.amount() + " received"
                + (topUp.outstanding().isPositive() && topUp.status().isOpen() ? ", " + topUp.outstanding() + " outstanding" : "")
                + (topUp.overpaid().isPositive() ? ", " + topUp.overpaid() + " overpaid" : ""));
        if (!topUp.detail().isEmpty()) {
            System.out.println("Detail:    " + topUp.detail());
        }
    }
}
