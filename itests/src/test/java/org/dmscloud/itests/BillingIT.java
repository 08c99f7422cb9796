package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import java.util.Currency;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
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
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

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
        assertThat(catalog.packages(TenantId.DEFAULT)).extracting(CatalogPackage::id).containsExactly("business", "enterprise", "starter");
        assertThat(catalog.packages(TenantId.DEFAULT)).allMatch(CatalogPackage::priced).allMatch(p -> p.providedBy().equals("dms-cloud-catalog-default"));
        assertThat(catalog.options(TenantId.DEFAULT)).extracting(CatalogOption::id)
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

    /**
     * R12 on the distribution: an option whose plugin goes away, then the default catalog bundle stopped
     * altogether. Instances go on at the rate last paid; what needs a current price is refused naming the item.
     */
    @Test
    public void rule_R12_instancesOutliveTheirWithdrawnPackageAndOptionAndAreBilledAtTheRateLastPaid() throws Exception {
        awaitHealthy();
        clock.setTo(Instant.parse("2031-05-06T12:00:00Z"));
        Account account = accounts.open(TenantId.DEFAULT, "Withdrawn Telecom", EUR);
        balances.topUp(account.id(), Money.of("500.00", "EUR"), "itest-topup-r12", "Bank transfer");
        List<ServiceRegistration<?>> option = registerOption("itest-recording", Money.of("3.00", "EUR"));
        InstanceConfiguration withOption = InstanceConfiguration.of("business", 1_000, Set.of("itest-recording"));
        InstanceConfiguration plain = InstanceConfiguration.of("business", 1_000, Set.of());
        InstanceChange optioned = instances.create(account.id(), new NewInstance("With option", withOption, true), ActionOptions.NONE);
        InstanceChange planned = instances.create(account.id(), new NewInstance("Plain", plain, true), ActionOptions.NONE);
        Money optionedRate = optioned.instance().paidRate();
        Money plainRate = planned.instance().paidRate();
        assertThat(optionedRate).isEqualTo(plainRate.plus(Money.of("3.00", "EUR")));

        // The option's bundle goes away: nothing new with it, but it can be removed from the instance that has it.
        option.forEach(ServiceRegistration::unregister);
        assertThatThrownBy(() -> instances.create(account.id(), new NewInstance("Refused", withOption, true), ActionOptions.NONE))
                .isInstanceOfSatisfying(ItemNotOnSaleException.class, e -> assertThat(e.item()).isEqualTo("itest-recording"));
        Bundle catalogBundle = bundle("dms-cloud-catalog-default");
        try {
            // And then the whole default catalog: the package of both instances is withdrawn.
            catalogBundle.stop();
            HttpResponse<String> price = get("/api/v1/catalog/price?packageId=business&expectedDevices=1000");
            assertThat(price.statusCode()).isEqualTo(400);
            assertThat(json(price).path("detail").asText()).contains("'business'");
            assertThatThrownBy(() -> quotes.quoteCreate(account.id(), plain, true)).isInstanceOf(ItemNotOnSaleException.class)
                    .hasMessageContaining("'business'");

            clock.setTo(Instant.parse("2031-05-07T00:05:00Z"));
            BillingRun run = dailyRun.run(LocalDate.parse("2031-05-07"));

            assertThat(run.failed()).isZero();
            List<LedgerEntry> daily = balances.ledger(account.id(), Long.MAX_VALUE, 20).stream()
                    .filter(e -> e.type() == LedgerEntryType.DAILY_CHARGE).toList();
            assertThat(daily).extracting(LedgerEntry::amount)
                    .containsExactlyInAnyOrder(optionedRate.negate(), plainRate.negate());
            assertThat(daily).allSatisfy(e -> assertThat(e.description()).contains("R12"));
            assertThat(instances.find(account.id(), planned.instance().id()).orElseThrow().paidUntil())
                    .isEqualTo(Instant.parse("2031-05-08T00:00:00Z"));
            // Disabling and enabling inside the coverage still work, for free.
            Money before = accounts.find(account.id()).orElseThrow().balance();
            instances.disable(account.id(), planned.instance().id(), ActionOptions.NONE);
            assertThat(instances.enable(account.id(), planned.instance().id(), ActionOptions.NONE).ledgerEntry()).isEmpty();
            assertThat(accounts.find(account.id()).orElseThrow().balance()).isEqualTo(before);
        } finally {
            catalogBundle.start();
            await("the default catalog back on sale", Duration.ofSeconds(30),
                    () -> catalog.packages(TenantId.DEFAULT).stream().anyMatch(p -> p.id().equals("business") && p.priced()) ? Boolean.TRUE : null);
        }
    }

    /** The same, with the option removed while the package is still on sale: credited against the rate last paid. */
    @Test
    public void rule_R12_aWithdrawnOptionCanBeRemovedAndTheRestOfTheDayIsCredited() {
        clock.setTo(Instant.parse("2032-07-08T12:00:00Z"));
        Account account = accounts.open(TenantId.DEFAULT, "Option Telecom", EUR);
        balances.topUp(account.id(), Money.of("500.00", "EUR"), "itest-topup-r12-option", "Bank transfer");
        List<ServiceRegistration<?>> option = registerOption("itest-archive", Money.of("4.80", "EUR"));
        InstanceChange created = instances.create(account.id(), new NewInstance("Archive",
                InstanceConfiguration.of("business", 1_000, Set.of("itest-archive")), true), ActionOptions.NONE);
        option.forEach(ServiceRegistration::unregister);
        clock.setTo(Instant.parse("2032-07-08T18:00:00Z"));

        InstanceChange removed = instances.changeSettings(account.id(), created.instance().id(),
                InstanceConfiguration.of("business", 1_000, Set.of()), ActionOptions.NONE);

        assertThat(removed.ledgerEntry().orElseThrow().amount()).isEqualTo(Money.of("1.20", "EUR")); // 4.80 × 6/24
        assertThat(removed.instance().paidRate()).isEqualTo(created.instance().paidRate().minus(Money.of("4.80", "EUR")));
    }

    /** An option and its pricing plugin, registered as a plugin bundle would; unregistering them withdraws it. */
    private List<ServiceRegistration<?>> registerOption(String id, Money flatRate) {
        Hashtable<String, Object> option = new Hashtable<>(Map.of(AddonOption.OPTION_ID, id));
        Hashtable<String, Object> priced = new Hashtable<>(Map.of(PricingPlugin.PRICED_ITEM, id));
        List<ServiceRegistration<?>> registrations = List.of(
                bundleContext.registerService(AddonOption.class, new AddonOption() {
                    public String id() {
                        return id;
                    }

                    public String name() {
                        return "Itest " + id;
                    }

                    public String description() {
                        return "An option of this test.";
                    }
                }, option),
                bundleContext.registerService(PricingPlugin.class, PricingPlugin.of((configuration, context) -> List.of(
                        new PriceComponent(id, "Itest " + id, Money.ofMinor(flatRate.minorUnits(), context.currency())))), priced));
        await("option " + id + " on sale", Duration.ofSeconds(30),
                () -> catalog.options(TenantId.DEFAULT).stream().anyMatch(o -> o.id().equals(id) && o.priced()) ? Boolean.TRUE : null);
        return registrations;
    }
}
