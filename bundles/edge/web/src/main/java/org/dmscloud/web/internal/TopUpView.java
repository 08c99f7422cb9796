package org.dmscloud.web.internal;

import java.util.List;

/**
 * One top-up's page: where it stands, how to pay it (the bank details, or the card payment page), what arrived and what
 * is still owed, and its documents (the invoice's PDF).
 *
 * @param paymentPage     where to pay it by card while it is open and not being confirmed; empty otherwise
 * @param confirming      back from the payment page and not confirmed yet: the page offers to look again rather than to pay
 *                        or cancel (it does not reload itself: a page that moves under a person's eyes is no help)
 * @param owed            what is still to pay while it is open, in words; empty when nothing or not yet known
 * @param goToPaymentPage whether the page sends the browser on to the payment page at once (just started)
 * @param notice          what the page says first (back from the payment page, say); may be empty
 */
public record TopUpView(Page page, TopUpLine topUp, String received, String owed, String instructions, String paymentPage, boolean open,
        boolean confirming, boolean goToPaymentPage, String notice, List<Document> documents) {

    public TopUpView {
        documents = List.copyOf(documents);
    }

    public record Document(String name, String href) {
    }
}
