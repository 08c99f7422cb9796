package org.dmscloud.billing.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dmscloud.api.billing.BillingEvents;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the events customers must hear about, after the change they report has committed. Without
 * EventAdmin (unit tests, a stripped-down install) nothing is posted and nothing fails.
 */
final class BillingEventPublisher {

    private final Supplier<EventAdmin> eventAdmin;

    BillingEventPublisher(Supplier<EventAdmin> eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void charged(List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            if (entry.amount().isNegative()) {
                post(BillingEvents.TOPIC_CHARGED, Map.of(
                        BillingEvents.ACCOUNT, entry.account().toString(),
                        BillingEvents.INSTANCE, entry.instance().map(InstanceId::toString).orElse(""),
                        BillingEvents.LEDGER_ENTRY, entry.id(),
                        BillingEvents.AMOUNT_MINOR, entry.amount().negate().minorUnits(),
                        BillingEvents.CURRENCY, entry.amount().currencyCode(),
                        BillingEvents.BALANCE_MINOR, entry.balanceAfter().minorUnits()));
            }
        }
    }

    void disabledForInsufficientFunds(AccountId account, InstanceId instance, Money needed, Money balance) {
        post(BillingEvents.TOPIC_INSTANCE_DISABLED, Map.of(
                BillingEvents.ACCOUNT, account.toString(),
                BillingEvents.INSTANCE, instance.toString(),
                BillingEvents.AMOUNT_MINOR, needed.minorUnits(),
                BillingEvents.CURRENCY, needed.currencyCode(),
                BillingEvents.BALANCE_MINOR, balance.minorUnits()));
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
