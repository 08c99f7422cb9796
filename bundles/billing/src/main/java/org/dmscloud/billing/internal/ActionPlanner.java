package org.dmscloud.billing.internal;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.money.Money;

/** Works out actions with the current prices, the same way for a quote and for the action itself. */
final class ActionPlanner {

    private final Pricing pricing;

    ActionPlanner(Pricing pricing) {
        this.pricing = pricing;
    }

    Plan create(InstanceConfiguration configuration, boolean enabled, Currency currency, Instant now) {
        DailyRate rate = pricing.dailyRate(configuration, currency);
        return new Plan(Fingerprints.create(configuration, enabled), Money.zero(currency), rate, BillingRules.create(rate, enabled, now));
    }

    Plan enable(Instance instance, Instant now) {
        DailyRate rate = rateOf(instance);
        return new Plan(Fingerprints.enable(instance.id()), instance.paidRate(), rate, BillingRules.enable(instance, rate, now));
    }

    Plan disable(Instance instance) {
        DailyRate none = new DailyRate(instance.paidRate().currency(), List.of());
        return new Plan(Fingerprints.disable(instance.id()), instance.paidRate(), none, BillingRules.disable(instance));
    }

    Plan changeSettings(Instance instance, InstanceConfiguration configuration, Instant now) {
        DailyRate rate = pricing.dailyRate(configuration, instance.paidRate().currency());
        return new Plan(Fingerprints.changeSettings(instance.id(), configuration), instance.paidRate(), rate,
                BillingRules.changeSettings(instance, rate, now));
    }

    Plan delete(Instance instance, Instant now) {
        DailyRate none = new DailyRate(instance.paidRate().currency(), List.of());
        return new Plan(Fingerprints.delete(instance.id()), instance.paidRate(), none, BillingRules.delete(instance, now));
    }

    private DailyRate rateOf(Instance instance) {
        return pricing.dailyRate(instance.configuration(), instance.paidRate().currency());
    }
}
