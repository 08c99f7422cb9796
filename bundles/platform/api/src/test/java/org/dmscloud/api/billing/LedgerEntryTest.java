package org.dmscloud.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.junit.jupiter.api.Test;

/** What a customer reads of a ledger entry. */
class LedgerEntryTest {

    @Test
    void anOperatorsAdjustmentIsShownWithItsReasonButNotTheOperatorsName() {
        assertThat(entry(LedgerEntryType.ADMIN_ADJUSTMENT, "Goodwill for the outage (by jane)").customerDescription())
                .isEqualTo("Goodwill for the outage");
        assertThat(entry(LedgerEntryType.TOP_UP, "Top-up by Bank transfer, payment BANK-1 (by wire)").customerDescription())
                .as("only adjustments carry an operator").isEqualTo("Top-up by Bank transfer, payment BANK-1 (by wire)");
    }

    private static LedgerEntry entry(LedgerEntryType type, String description) {
        return new LedgerEntry(1, AccountId.random(), type, Money.of("5.00", "EUR"), Money.of("5.00", "EUR"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), description, "key", Instant.parse("2026-12-07T10:00:00Z"));
    }
}
