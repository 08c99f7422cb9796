package org.dmscloud.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.billing.BalanceCoverage;
import org.dmscloud.api.billing.Coverage;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.store.BillingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coverage: the balance divided by what the daily run (R1) would charge for the enabled instances at today's
 * rates, in whole days, since a run charges a whole day or disables the instance.
 */
@Component(service = BalanceCoverage.class)
public class AccountCoverage implements BalanceCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(AccountCoverage.class);

    private final BillingStore store;
    private final Pricing pricing;
    private final Clock clock;

    @Activate
    public AccountCoverage(@Reference BillingStore store, @Reference Pricing pricing, @Reference Clock clock) {
        this.store = store;
        this.pricing = pricing;
        this.clock = clock;
    }

    @Override
    public Coverage coverage(AccountId accountId) {
        record Snapshot(Account account, List<Instance> enabled) {
        }
        Snapshot snapshot = store.read(tx -> {
            Account account = tx.accounts().find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
            return new Snapshot(account, tx.instances().listByAccount(accountId).stream().filter(i -> i.state() == InstanceState.ENABLED).toList());
        });
        Money balance = snapshot.account().balance();
        Money daily = Money.zero(balance.currency());
        for (Instance instance : snapshot.enabled()) {
            try {
                daily = daily.plus(pricing.dailyRate(snapshot.account().tenant(), instance.configuration(), balance.currency()).total());
            } catch (RuntimeException unpriced) {
                // The daily run will say so for this instance (R12); the others' coverage is still worth showing.
                LOG.debug("Instance {} cannot be priced today: {}", instance.id(), unpriced.getMessage());
            }
        }
        if (!daily.isPositive()) {
            return new Coverage(balance, daily, snapshot.enabled().size(), OptionalLong.empty(), Optional.empty());
        }
        long days = balance.isNegative() ? 0 : balance.minorUnits() / daily.minorUnits();
        Instant paidTo = BillingTime.nextBoundary(BillingTime.billingInstant(clock));
        return new Coverage(balance, daily, snapshot.enabled().size(), OptionalLong.of(days), Optional.of(paidTo.plus(Duration.ofDays(days))));
    }
}
