package org.dmscloud.billing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.DailyBilling.DailyCharge;
import org.dmscloud.spi.instance.InstanceEvent;

/** The instance events that billing's changes make, for the journal: the one place they are built. */
final class LifecycleEvents {

    private LifecycleEvents() {
    }

    /** What a customer's action did to an instance, with the ledger entry it made, if any. */
    static InstanceEvent ofAction(InstanceEvent.Type type, Instance instance, TenantId tenant, Optional<LedgerEntry> entry, Instant at) {
        InstanceEvent.Builder event = InstanceEvent.builder().type(type).occurredAt(at).instance(instance.id()).account(instance.account())
                .tenant(tenant).configuration(instance.configuration()).state(instance.state()).disableReason(instance.disableReason().orElse(null))
                .paidUntil(instance.paidUntil()).paidRate(instance.paidRate());
        entry.ifPresent(written -> event.balanceChange(written.amount()).ledgerEntry(written.id()));
        return event.build();
    }

    /** The daily run's charges (with their ledger entries' ids, in the same order) and the instances it disabled. */
    static List<InstanceEvent> ofDailyRun(List<DailyCharge> charges, List<Long> ledgerIds, List<DailyRun.Disabled> disabled,
            Map<AccountId, TenantId> tenants, Instant at) {
        List<InstanceEvent> events = new ArrayList<>(charges.size() + disabled.size());
        for (int i = 0; i < charges.size(); i++) {
            DailyCharge charge = charges.get(i);
            Money amount = charge.entry().amount();
            events.add(InstanceEvent.builder().type(InstanceEvent.Type.CHARGED).occurredAt(at).instance(charge.instance().id())
                    .account(charge.instance().account()).tenant(tenants.get(charge.instance().account()))
                    .configuration(charge.instance().configuration()).state(InstanceState.ENABLED).paidUntil(charge.paidUntil())
                    .paidRate(amount.negate()).balanceChange(amount).ledgerEntry(ledgerIds.get(i)).build());
        }
        for (DailyRun.Disabled off : disabled) {
            events.add(InstanceEvent.builder().type(InstanceEvent.Type.DISABLED).occurredAt(at).instance(off.instance().id())
                    .account(off.account()).tenant(tenants.get(off.account())).configuration(off.instance().configuration())
                    .state(InstanceState.DISABLED).disableReason(DisableReason.INSUFFICIENT_FUNDS).paidUntil(off.instance().paidUntil())
                    .paidRate(Money.ofMinor(off.instance().paidRateMinor(), off.needed().currency())).build());
        }
        return events;
    }
}
