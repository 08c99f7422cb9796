package org.dmscloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A billing rule is never named to a customer without what it says. */
class BillingRuleTextsTest {

    private static final Texts TEXTS = Texts.in(Locale.ENGLISH);

    @Test
    void everyRuleHasItsWords() {
        for (int rule = 1; rule <= 12; rule++) {
            assertThat(BillingRuleTexts.explain(TEXTS, "R" + rule)).startsWith("billing rule R" + rule + ": ").hasSizeGreaterThan(25);
        }
    }

    @Test
    void aLedgerDescriptionCitingARuleExplainsItAndOthersStayAsTheyAre() {
        assertThat(BillingRuleTexts.explainCited(TEXTS, "Daily charge of 'My ACS' for 2026-12-08 (R1)")).isEqualTo(
                "Daily charge of 'My ACS' for 2026-12-08 (billing rule R1: each enabled instance is charged its daily rate in advance, "
                        + "shortly after midnight UTC)");
        assertThat(BillingRuleTexts.explainCited(TEXTS, "Created 'My ACS' (R6)")).endsWith("(billing rule R6: a new instance is charged for the rest of the day)");
        assertThat(BillingRuleTexts.explainCited(TEXTS, "Welcome credit (by admin)")).isEqualTo("Welcome credit (by admin)");
        assertThat(BillingRuleTexts.explainCited(TEXTS, "Odd (R13)")).isEqualTo("Odd (R13)");
    }
}
