package org.dmscloud.billing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.RunPreview;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.DailyBilling.DailyCharge;
import org.dmscloud.billing.internal.store.DailyBilling.DueInstance;

/** Adds up what the daily run would decide, batch after batch, keeping the first items in run order. */
final class PreviewTally {

    private final LocalDate day;
    private final int listLimit;
    private final List<RunPreview.Item> items = new ArrayList<>();
    private final Map<Currency, Money> totals = new LinkedHashMap<>();
    private long charges;
    private long disables;
    private long failures;

    PreviewTally(LocalDate day, int listLimit) {
        this.day = day;
        this.listLimit = listLimit;
    }

    /** One batch: its due instances in run order, what was decided, and the balances before the batch. */
    void add(List<DueInstance> due, DailyRun.Decisions decisions, Map<AccountId, Money> balancesBefore) {
        charges += decisions.charges().size();
        disables += decisions.disabled().size();
        failures += decisions.failures().size();
        for (DailyCharge charge : decisions.charges()) {
            Money rate = charge.entry().amount().negate();
            totals.merge(rate.currency(), rate, Money::plus);
        }
        if (items.size() >= listLimit) {
            return;
        }
        Map<InstanceId, DailyCharge> charged = new LinkedHashMap<>();
        decisions.charges().forEach(c -> charged.put(c.instance().id(), c));
        Map<InstanceId, DailyRun.Disabled> disabled = new LinkedHashMap<>();
        decisions.disabled().forEach(d -> disabled.put(d.instance().id(), d));
        Map<AccountId, Money> balances = new LinkedHashMap<>(balancesBefore);
        for (DueInstance instance : due) {
            if (items.size() >= listLimit) {
                return;
            }
            Money balance = balances.get(instance.account());
            DailyCharge charge = charged.get(instance.id());
            DailyRun.Disabled off = disabled.get(instance.id());
            if (charge != null) {
                items.add(new RunPreview.Item(RunPreview.Outcome.CHARGE, instance.account(), instance.id(), charge.entry().amount().negate(),
                        balance, ""));
                balances.put(instance.account(), charge.balanceAfter());
            } else if (off != null) {
                items.add(new RunPreview.Item(RunPreview.Outcome.DISABLE, instance.account(), instance.id(), off.needed(), balance,
                        "balance short of the daily rate"));
            } else if (decisions.failures().containsKey(instance.id())) {
                items.add(new RunPreview.Item(RunPreview.Outcome.FAIL, instance.account(), instance.id(), Money.zero(balance.currency()),
                        balance, decisions.failures().get(instance.id())));
            }
        }
    }

    RunPreview preview() {
        return new RunPreview(day, charges, disables, failures, List.copyOf(totals.values()), items);
    }
}
