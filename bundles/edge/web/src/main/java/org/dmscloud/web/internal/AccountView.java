package org.dmscloud.web.internal;

import java.util.List;

/**
 * The account page: who, the balance and how long it lasts, the Update Account Balance form with the latest
 * top-ups, and a page of the ledger.
 *
 * @param coverage  "covers N more days at today's rates", in words
 * @param older     the address of the next (older) page of the ledger; empty on the last page
 * @param passwordFields the password change form's errors (its values are never shown again)
 * @param notice    what the page says first (the password was changed, say); may be empty
 */
public record AccountView(Page page, String name, String email, String company, String balance, String coverage, TopUpForm topUpForm,
        List<TopUpLine> topUps, List<LedgerLine> ledger, String older, Fields passwordFields, String notice) {

    public AccountView {
        topUps = List.copyOf(topUps);
        ledger = List.copyOf(ledger);
    }

    /**
     * One ledger entry as the customer reads it.
     *
     * @param period    the period it pays for or gives back; empty for a top-up or an adjustment
     * @param breakdown the rate's lines (package, devices, options), for a charge
     */
    public record LedgerLine(String date, String description, String period, String amount, boolean credit, String balanceAfter,
            List<PriceLine> breakdown) {

        public LedgerLine {
            breakdown = List.copyOf(breakdown);
        }
    }

    public record PriceLine(String label, String amount) {
    }
}
