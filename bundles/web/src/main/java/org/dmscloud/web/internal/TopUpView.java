package org.dmscloud.web.internal;

import java.util.List;

/**
 * One top-up's page: where it stands, how to pay it (the bank details, or the card payment page), what arrived, and
 * its documents (the invoice's PDF).
 *
 * @param paymentPage where to pay it by card while it is open; empty otherwise
 * @param refresh     whether the page reloads itself: while a card payment is being confirmed
 * @param goToPaymentPage whether the page sends the browser on to the payment page at once (just started)
 * @param notice      what the page says first (back from the payment page, say); may be empty
 */
public record TopUpView(Page page, TopUpLine topUp, String received, String instructions, String paymentPage, boolean open, boolean refresh,
        boolean goToPaymentPage, String notice, List<Document> documents) {

    public TopUpView {
        documents = List.copyOf(documents);
    }

    public record Document(String name, String href) {
    }
}
