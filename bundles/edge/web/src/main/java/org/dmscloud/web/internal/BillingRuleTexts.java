package org.dmscloud.web.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billing rules as a customer reads them: a rule's number ("R5") with what it says in a few words, wherever the
 * portal names one (a quote's confirmation, a ledger entry's description), instead of a bare number nobody has read.
 */
final class BillingRuleTexts {

    private static final Pattern CITED = Pattern.compile("\\((R(?:[1-9]|1[0-2]))\\)$");

    private BillingRuleTexts() {
    }

    /** "billing rule R5: enabling after the paid time ended charges the rest of the day"; empty without a rule. */
    static String explain(Texts texts, String rule) {
        if (rule == null || rule.isEmpty() || !texts.has("rules." + rule)) {
            return rule == null ? "" : rule;
        }
        return texts.format("quote.rule", rule, texts.get("rules." + rule));
    }

    /** A ledger description whose last words cite a rule, "(R5)", with the rule explained instead. */
    static String explainCited(Texts texts, String description) {
        Matcher cited = CITED.matcher(description);
        return cited.find() ? description.substring(0, cited.start()) + "(" + explain(texts, cited.group(1)) + ")" : description;
    }
}
