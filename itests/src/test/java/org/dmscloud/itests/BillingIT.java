package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.time.ClockControl;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Billing on the distribution: the default catalog bundle's packages and options are on sale, an
 * instance is created and charged, and billed by the daily run of the next day, which the scheduler starts
 * when the platform clock (in test mode here) passes 00:05 and an operator can run again for a chosen day.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BillingIT extends DmsCloudTestSupport {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Inject
    Catalog catalog;

    @Inject
    AccountService accounts;

    @Inject
    BalanceService balances;

    @Inject
    QuoteService quotes;

    @Inject
    InstanceService instances;

    @Inject
    DailyRunService dailyRun;

    @Inject
    ClockControl clock;

    @Configuration
    public Option[] config() {
        List<Option> options = distribution();
        options.add(editConfigurationFilePut("etc/org.dmscloud.clock.cfg", "adjustable", "true"));
        options.add(editConfigurationFilePut("etc/org.dmscloud.billing.run.cfg", "checkIntervalSeconds", "1"));
        return options.toArray(Option[]::new);
    }

    @Test
    public void theDefaultCatalogIsOnSale() {
        assertThat(catalog.packages()).extracting(CatalogPackage::id).containsExactly("business", "enterprise", "starter");
        assertThat(catalog.packages()).allMatch(CatalogPackage::priced).allMatch(p -> p.providedBy().equals("dms-cloud-catalog-default"));
        assertThat(catalog.options()).extracting(CatalogOption::id)
                .containsExactly("extended-retention", "firmware-management", "priority-support", "usp");
    }

    @Test
    public void anInstanceIsCreatedChargedAndBilledByTheDailyRun() {
        clock.setTo(Instant.parse("2030-03-04T12:00:00Z"));
        Account account = accounts.open(TenantId.DEFAULT, "Itest Telecom", EUR);
        balances.topUp(account.id(), Money.of("500.00", "EUR"), "itest-topup-1", "Bank transfer");
        InstanceConfiguration configuration = InstanceConfiguration.of("business", 10_000, Set.of("usp"));

        Quote quote = quotes.quoteCreate(account.id(), configuration, true);
        InstanceChange created = instances.create(account.id(), new NewInstance("Itest ACS", configuration, true),
                ActionOptions.withKey("itest-create-1").withQuote(quote.id()));

        // Business 10,000 devices 45.00 + USP 5.00 = 50.00 a day; about half a day to midnight.
        assertThat(quote.dailyRate().total()).isEqualTo(Money.of("50.00", "EUR"));
        LedgerEntry creation = created.ledgerEntry().orElseThrow();
        assertThat(creation.amount()).isEqualTo(quote.amount());
        assertThat(creation.amount().isNegative()).isTrue();
        assertThat(created.instance().paidUntil()).isEqualTo(Instant.parse("2030-03-05T00:00:00Z"));

        // The next day, past 00:05: the scheduler bills it without anyone asking.
        clock.setTo(Instant.parse("2030-03-05T00:05:00Z"));
        LedgerEntry daily = await("the scheduled daily run to bill the instance", Duration.ofSeconds(60), () -> balances
                .ledger(account.id(), Long.MAX_VALUE, 10).stream().filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE)
                .findFirst().orElse(null));
        assertThat(daily.amount()).isEqualTo(Money.of("-50.00", "EUR"));
        assertThat(daily.periodStart()).contains(Instant.parse("2030-03-05T00:00:00Z"));
        assertThat(instances.find(account.id(), created.instance().id()).orElseThrow().paidUntil())
                .isEqualTo(Instant.parse("2030-03-06T00:00:00Z"));

        // An operator's run of the same day charges nobody again.
        BillingRun again = dailyRun.run(LocalDate.parse("2030-03-05"));
        assertThat(again.status()).isEqualTo(BillingRun.Status.COMPLETED);
        assertThat(again.charged()).isZero();
        Money expected = Money.of("500.00", "EUR").plus(creation.amount()).plus(daily.amount());
        assertThat(accounts.find(account.id()).orElseThrow().balance()).isEqualTo(expected);
    }
}
