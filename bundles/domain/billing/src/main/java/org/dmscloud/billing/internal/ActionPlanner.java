package org.dmscloud.billing.internal;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;

/**
 * Works out actions with the current prices of the owner's tenant, the same way for a quote and for the action itself. What
 * needs a new configuration's price (create, a settings change) fails when an item is not on sale; what
 * goes on with an instance's own configuration falls back to the rate it last paid (R12).
 */
final class ActionPlanner {

    private final Pricing pricing;

    ActionPlanner(Pricing pricing) {
        this.pricing = pricing;
    }

    /** A new instance of the owner's, priced for the owner's tenant in the owner's currency. */
    Plan create(Account owner, InstanceConfiguration configuration, boolean enabled, Instant now) {
        Currency currency = owner.balance().currency();
        DailyRate rate = pricing.dailyRate(owner.tenant(), configuration, currency);
        return new Plan(Fingerprints.create(configuration, enabled), Money.zero(currency), rate, BillingRules.create(rate, enabled, now))
                .atCurrentPrice();
    }

    /** @param chargedOwnItems the suppliers recorded with the instance at its last charge at a current price, if known */
    Plan enable(Account owner, Instance instance, Optional<Set<String>> chargedOwnItems, Instant now) {
        String fingerprint = Fingerprints.enable(instance.id());
        Currency currency = instance.paidRate().currency();
        if (instance.state() == InstanceState.ENABLED || instance.isPaidAt(now)) {
            // Free (R4): the current rate is shown, not charged, so nothing about the catalog can stop it.
            DailyRate shown;
            try {
                shown = pricing.dailyRate(owner.tenant(), instance.configuration(), currency);
            } catch (InvalidConfigurationException | PricingUnavailableException unpriced) {
                shown = LastPaidRate.of(instance, unpriced);
            }
            return new Plan(fingerprint, instance.paidRate(), shown, BillingRules.enable(instance, shown, now));
        }
        try {
            DailyRate rate = pricing.dailyRate(owner.tenant(), instance.configuration(), currency);
            Optional<ItemNotOnSaleException> resupplied = Suppliers.changed(chargedOwnItems, rate, instance.configuration());
            if (resupplied.isPresent()) {
                throw resupplied.get(); // what it was bought from is gone, though another bundle sells its id: R12, as below
            }
            return new Plan(fingerprint, instance.paidRate(), rate, BillingRules.enable(instance, rate, now)).atCurrentPrice();
        } catch (ItemNotOnSaleException withdrawn) {
            if (!LastPaidRate.exists(instance)) {
                // No rate was ever paid to go on at: enabling needs the current price, which is gone.
                throw withdrawn;
            }
            DailyRate lastPaid = LastPaidRate.of(instance, withdrawn);
            return new Plan(fingerprint, instance.paidRate(), lastPaid, BillingRules.enable(instance, lastPaid, now).decidedBy("R12"));
        }
    }

    Plan disable(Instance instance) {
        DailyRate none = new DailyRate(instance.paidRate().currency(), List.of());
        return new Plan(Fingerprints.disable(instance.id()), instance.paidRate(), none, BillingRules.disable(instance));
    }

    Plan changeSettings(Account owner, Instance instance, InstanceConfiguration configuration, Instant now) {
        DailyRate rate = pricing.dailyRate(owner.tenant(), configuration, instance.paidRate().currency());
        return new Plan(Fingerprints.changeSettings(instance.id(), configuration), instance.paidRate(), rate,
                BillingRules.changeSettings(instance, rate, now)).atCurrentPrice();
    }

    Plan delete(Instance instance, Instant now) {
        DailyRate none = new DailyRate(instance.paidRate().currency(), List.of());
        return new Plan(Fingerprints.delete(instance.id()), instance.paidRate(), none, BillingRules.delete(instance, now));
    }
}
