package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.time.ClockControl;
import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Billing and a reseller end to end on the distribution, the clock in test mode and the daily run on its schedule:
 * the default catalog bundle's packages and options are on sale, an instance is created and charged, and billed by the
 * daily run of the next day, which the scheduler starts when the platform clock passes 00:05 and an operator can run
 * again for a chosen day; instances outlive their withdrawn package and option (R12). A reseller created from the shell
 * sells at its own host name under its own brand, catalog and prices, takes its customers' money into its own Stripe
 * account (a stand-in of its own, with its own keys and webhook secret), and is billed by the daily run at its prices;
 * the same address is a customer of both tenants; and nothing of one tenant is reachable from the other. The tests
 * share the platform: a run's counts are asserted only where no other test's instance can be due.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BillingIT extends DmsCloudTestSupport {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String ACME_HOST = "portal.acme.example";
    private static final String[] AT_ACME = { "Host", ACME_HOST };
    private static final String PLATFORM_STRIPE = "dms.itest.stripe.platform";
    private static final String ACME_STRIPE = "dms.itest.stripe.acme";
    private static final String ACME_SECRET_KEY = "sk_test_acme_own_account";
    private static final String ACME_WEBHOOK_SECRET = "whsec_acme_own_endpoint";
    private static final String OPERATORS = "ops@dmscloud.example";
    private static final String PASSWORD = "correct horse battery";

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
        List<Option> options = withMailServer(distribution());
        options.add(editConfigurationFilePut("etc/org.dmscloud.clock.cfg", "adjustable", "true"));
        // The daily run on its schedule, looking every second whether the (test-mode) clock passed 00:05 of a new day.
        options.add(editConfigurationFilePut("etc/org.dmscloud.billing.run.cfg", "checkIntervalSeconds", "1"));
        options.add(editConfigurationFilePut("etc/org.dmscloud.mail.cfg", "operatorAddresses", OPERATORS));
        String platformStripe = TestStripe.start(uri("/api/v1/payments/stripe/webhook"));
        String platformCfg = "etc/org.dmscloud.payment.stripe.cfg";
        options.add(editConfigurationFilePut(platformCfg, "secretKey", StripeStub.SECRET_KEY));
        options.add(editConfigurationFilePut(platformCfg, "webhookSecret", StripeEvents.WEBHOOK_SECRET));
        options.add(editConfigurationFilePut(platformCfg, "apiBase", platformStripe));
        // Acme's own Stripe account: its own keys, and its webhook endpoint named by its provider id.
        String acmeStripe = TestStripe.start(uri("/api/v1/payments/stripe/webhook/stripe-acme"), ACME_SECRET_KEY, ACME_WEBHOOK_SECRET);
        String acmeCfg = "etc/org.dmscloud.payment.stripe.tenant-acme.cfg";
        options.add(editConfigurationFilePut(acmeCfg, "dms.tenant", "acme"));
        options.add(editConfigurationFilePut(acmeCfg, "dms.payment.provider.id", "stripe-acme"));
        options.add(editConfigurationFilePut(acmeCfg, "secretKey", ACME_SECRET_KEY));
        options.add(editConfigurationFilePut(acmeCfg, "webhookSecret", ACME_WEBHOOK_SECRET));
        options.add(editConfigurationFilePut(acmeCfg, "apiBase", acmeStripe));
        options.add(editConfigurationFilePut(acmeCfg, "productName", "Acme DMS balance top-up"));
        options.add(systemProperty(PLATFORM_STRIPE).value(platformStripe));
        options.add(systemProperty(ACME_STRIPE).value(acmeStripe));
        return options.toArray(Option[]::new);
    }

    /** Each test moves the clock as it needs; the next starts from the real time again. */
    @After
    public void resetClock() {
        clock.reset();
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

    @Test
    public void aResellerCreatedFromTheShellSellsUnderItsOwnNameHostCatalogPricesAndAccounts() {
        awaitHealthy();
        String created = executeCommand("dms:tenant-create --name \"Acme Networks\" --host " + ACME_HOST + " --brand \"Acme DMS\" "
                + "--support support@acme.example --mail-from noreply@acme.example --portal-url https://" + ACME_HOST
                + " --catalog business,usp --markup 20 --price usp=4.00 acme");
        assertThat(created).contains("acme", "Acme DMS", "+20");
        await("Acme's portal", Duration.ofSeconds(30), () -> get("/api/v1/catalog", AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);

        // Catalogs and prices differ.
        JsonNode platformCatalog = json(get("/api/v1/catalog"));
        JsonNode acmeCatalog = json(get("/api/v1/catalog", AT_ACME));
        assertThat(platformCatalog.get("packages").findValuesAsText("id")).containsExactly("business", "enterprise", "starter");
        assertThat(acmeCatalog.get("packages").findValuesAsText("id")).containsExactly("business");
        assertThat(acmeCatalog.get("options").findValuesAsText("id")).containsExactly("usp");
        String configuration = "?packageId=business&expectedDevices=2000&optionIds=usp";
        JsonNode platformPrice = json(get("/api/v1/catalog/price" + configuration));
        JsonNode acmePrice = json(get("/api/v1/catalog/price" + configuration, AT_ACME));
        BigDecimal acmeDaily = acmeDailyRate(platformPrice);
        assertThat(new BigDecimal(acmePrice.at("/total/amount").asText())).isEqualByComparingTo(acmeDaily);
        assertThat(acmeDaily).isNotEqualByComparingTo(new BigDecimal(platformPrice.at("/total/amount").asText()));
        assertThat(get("/api/v1/catalog/price?packageId=starter&expectedDevices=100", AT_ACME).statusCode())
                .as("a package Acme does not sell").isEqualTo(400);

        // A plugin of Acme's own (dms.tenant): on sale at Acme only, at the price its plugin puts on it, whatever Acme's markup;
        // and only once an operator binds its bundle (here the test's own) to Acme.
        String plugin = bundleContext.getBundle().getSymbolicName();
        List<ServiceRegistration<?>> acmePlugin = registerOption(new TestOption("acme-backup", "Acme backup",
                "Nightly backups of the instance's data, by Acme."), Optional.of("acme"), PricingPlugin.of((config, context) -> List.of(
                        new PriceComponent("acme-backup", "Acme backup for " + context.tenant(), Money.ofMinor(2_50, context.currency())))));
        try {
            assertThat(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=acme-backup", AT_ACME).statusCode())
                    .as("not bound to Acme yet").isEqualTo(400);
            assertThat(executeCommand("dms:tenant-update --plugin " + plugin + " acme")).contains("Plugins:   " + plugin);
            JsonNode withBackup = await("Acme's own option", Duration.ofSeconds(30), () -> {
                HttpResponse<String> answer = get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=usp&optionIds=acme-backup",
                        AT_ACME);
                return answer.statusCode() == 200 ? json(answer) : null;
            });
            assertThat(new BigDecimal(withBackup.at("/total/amount").asText())).isEqualByComparingTo(acmeDaily.add(new BigDecimal("2.50")));
            assertThat(withBackup.at("/components").findValuesAsText("label")).contains("Acme backup for acme");
            assertThat(json(get("/api/v1/catalog", AT_ACME)).get("options").findValuesAsText("id")).containsExactly("acme-backup", "usp");
            assertThat(json(get("/api/v1/catalog")).get("options").findValuesAsText("id")).doesNotContain("acme-backup");
            assertThat(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=acme-backup").statusCode())
                    .as("Acme's option at the platform's host").isEqualTo(400);
        } finally {
            acmePlugin.forEach(ServiceRegistration::unregister);
        }

        // The same address becomes a customer of each tenant; each mail speaks for its own tenant.
        String email = "both-" + UUID.randomUUID() + "@example.com";
        String platformToken = signedUp(email);
        assertThat(post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Ada at Acme")), AT_ACME)
                .statusCode()).isEqualTo(202);
        String acmeMail = awaitMail(email, "Confirm your email address for Acme DMS");
        assertThat(acmeMail).contains("https://" + ACME_HOST + "/verify?token=", "support@acme.example",
                "[from: Acme DMS <noreply@acme.example>]").doesNotContain("DMS Cloud");
        assertThat(awaitMail(email, "Confirm your email address for DMS Cloud")).contains("http://localhost:8181/verify?token=")
                .doesNotContain("Acme");
        Matcher link = Pattern.compile("https://" + Pattern.quote(ACME_HOST) + "(/verify\\?token=[A-Za-z0-9_%-]+)").matcher(acmeMail);
        assertThat(link.find()).isTrue();
        String acmeVerification = link.group(1);
        assertThat(get(acmeVerification).statusCode()).as("Acme's link at the platform's host").isEqualTo(400);
        HttpResponse<String> verifiedAtAcme = get(acmeVerification, AT_ACME);
        assertThat(verifiedAtAcme.statusCode()).isEqualTo(200);
        // The page the mail's link opens speaks for Acme, as the mail did.
        assertThat(verifiedAtAcme.body()).contains("<title>Sign in – Acme DMS</title>", "Your email address is verified.")
                .doesNotContain("DMS Cloud");
        String acmeToken = signIn(email, PASSWORD, AT_ACME);

        // A top-up at each tenant goes into its own Stripe account.
        JsonNode acmeProviders = json(get("/api/v1/payment-providers", bearer(acmeToken, AT_ACME)));
        assertThat(acmeProviders.findValuesAsText("id")).containsExactly("stripe-acme");
        assertThat(json(get("/api/v1/payment-providers", bearer(platformToken))).findValuesAsText("id")).contains("stripe")
                .doesNotContain("stripe-acme");
        assertThat(post("/api/v1/account/top-ups", json(Map.of("provider", "stripe", "amount", Map.of("amount", "50.00", "currency", "EUR"))),
                bearer(acmeToken, "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())).statusCode())
                .as("the platform's account, which Acme's customers may not pay into").isEqualTo(400);
        String acmeTopUp = payByCard(acmeToken, AT_ACME, "stripe-acme", "100.00", System.getProperty(ACME_STRIPE), ACME_SECRET_KEY);
        String platformTopUp = payByCard(platformToken, new String[0], "stripe", "30.00", System.getProperty(PLATFORM_STRIPE),
                StripeStub.SECRET_KEY);
        assertThat(balance(acmeToken, AT_ACME)).isEqualTo("100.00");
        assertThat(balance(platformToken, new String[0])).isEqualTo("30.00");
        assertThat(awaitMail(email, "We received your payment of 100.00 EUR")).contains("your Acme DMS balance", "[from: Acme DMS");

        // A reseller-priced instance, billed by the daily run at the reseller's price.
        JsonNode change = json(post("/api/v1/instances", json(Map.of("name", "Acme ACS", "packageId", "business", "expectedDevices", 2000,
                "optionIds", List.of("usp"), "enabled", true)), bearer(acmeToken, "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())));
        String acmeInstance = change.at("/instance/id").asText();
        assertThat(new BigDecimal(change.at("/instance/paidRate/amount").asText())).isEqualByComparingTo(acmeDaily);
        try {
            clock.shiftBy(Duration.ofDays(1));
            dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            String acmeTokenTomorrow = signIn(email, PASSWORD, AT_ACME);
            JsonNode daily = find(json(get("/api/v1/account/ledger", bearer(acmeTokenTomorrow, AT_ACME))).get("entries"), "DAILY_CHARGE");
            assertThat(new BigDecimal(daily.at("/amount/amount").asText())).isEqualByComparingTo(acmeDaily.negate());
            assertThat(daily.get("instanceId").asText()).isEqualTo(acmeInstance);
        } finally {
            clock.reset();
        }
        String acmeTokenNow = signIn(email, PASSWORD, AT_ACME);
        String platformTokenNow = signIn(email, PASSWORD);

        // Acme's Contact Us messages reach Acme's support, and operators see them under Acme.
        assertThat(post("/api/v1/contact", json(Map.of("name", "Bob", "email", "bob@example.com", "topic", "sales", "message",
                "Do you sell 50k devices?")), AT_ACME).statusCode()).isEqualTo(202);
        assertThat(awaitMail("support@acme.example", "Contact Us (Sales): Bob")).contains("Do you sell 50k devices?");
        assertThat(executeCommand("dms:contact-list --tenant acme")).contains("bob@example.com");
        assertThat(executeCommand("dms:contact-list --tenant default")).doesNotContain("bob@example.com");
        assertThat(executeCommand("dms:instance-list --tenant acme")).contains(acmeInstance);
        assertThat(executeCommand("dms:account-list --tenant acme")).contains(email);
        assertThat(executeCommand("dms:topup-list --tenant default")).contains(platformTopUp).doesNotContain(acmeTopUp);
        assertThat(executeCommand("dms:payment-providers --tenant acme")).contains("stripe-acme").doesNotContain("bank-transfer");
        assertThat(executeCommand("dms:tenant-show acme")).contains("Pay with:  stripe-acme", "+20 % on every item", "usp 4.00 EUR a day");

        isolationSweep(acmeTokenNow, platformTokenNow, acmeInstance, acmeTopUp, platformTopUp, acmeVerification);
    }

    /**
     * Every endpoint, across tenants as across accounts: one tenant's sessions, ids and tokens at the other tenant's
     * host are 401, 404 or 400, and nothing changes.
     */
    private void isolationSweep(String acmeToken, String platformToken, String acmeInstance, String acmeTopUp, String platformTopUp,
            String acmeVerification) {
        String acmeInstanceBefore = get("/api/v1/instances/" + acmeInstance, bearer(acmeToken, AT_ACME)).body();
        String acmeLedgerBefore = get("/api/v1/account/ledger", bearer(acmeToken, AT_ACME)).body();
        String platformLedgerBefore = get("/api/v1/account/ledger", bearer(platformToken)).body();

        // Acme's session at the platform's host, and the platform's at Acme's: nobody is signed in.
        List<HttpResponse<String>> wrongHost = new ArrayList<>();
        for (String[] session : List.of(bearer(acmeToken), bearer(platformToken, AT_ACME))) {
            wrongHost.add(get("/api/v1/account", session));
            wrongHost.add(get("/api/v1/account/ledger", session));
            wrongHost.add(get("/api/v1/instances", session));
            wrongHost.add(get("/api/v1/account/top-ups", session));
            wrongHost.add(get("/api/v1/payment-providers", session));
            wrongHost.add(post("/api/v1/quotes", json(Map.of("action", "CREATE", "packageId", "business", "expectedDevices", 2000)), session));
            wrongHost.add(post("/api/v1/instances", json(Map.of("name", "x", "packageId", "business", "expectedDevices", 2000)), session));
            wrongHost.add(post("/api/v1/account/top-ups", json(Map.of("provider", "stripe", "amount", Map.of("amount", "50.00",
                    "currency", "EUR"))), session));
            wrongHost.add(post("/api/v1/auth/sign-out", "", session));
        }
        for (HttpResponse<String> attempt : wrongHost) {
            assertThat(attempt.statusCode()).as("%s %s %s", attempt.request().method(), attempt.uri(), attempt.request().headers().map())
                    .isEqualTo(401);
        }

        // The platform's customer, signed in at its own host, with Acme's ids.
        List<HttpResponse<String>> otherIds = new ArrayList<>(everyInstanceRequest(acmeInstance, bearer(platformToken)));
        otherIds.addAll(List.of(
                get("/api/v1/account/top-ups/" + acmeTopUp, bearer(platformToken)),
                post("/api/v1/account/top-ups/" + acmeTopUp + "/cancel", "", bearer(platformToken)),
                get("/api/v1/account/top-ups/" + platformTopUp, bearer(acmeToken, AT_ACME))));
        for (HttpResponse<String> attempt : otherIds) {
            assertThat(attempt.statusCode()).as("%s %s", attempt.request().method(), attempt.uri()).isEqualTo(404);
        }
        assertThat(get(acmeVerification).statusCode()).as("Acme's (used) verification token at the platform's host").isEqualTo(400);

        assertThat(get("/api/v1/instances/" + acmeInstance, bearer(acmeToken, AT_ACME)).body()).isEqualTo(acmeInstanceBefore);
        assertThat(get("/api/v1/account/ledger", bearer(acmeToken, AT_ACME)).body()).isEqualTo(acmeLedgerBefore);
        assertThat(get("/api/v1/account/ledger", bearer(platformToken)).body()).isEqualTo(platformLedgerBefore);
    }

    /** Acme's price: the platform's business lines with 20 % on each, rounded up to the cent, and its own 4.00 for USP. */
    private static BigDecimal acmeDailyRate(JsonNode platformPrice) {
        BigDecimal total = new BigDecimal("4.00");
        for (JsonNode component : platformPrice.at("/components")) {
            if (component.get("item").asText().equals("business")) {
                total = total.add(new BigDecimal(component.at("/amount/amount").asText()).multiply(new BigDecimal("1.20"))
                        .setScale(2, RoundingMode.CEILING));
            }
        }
        return total;
    }

    /** Starts a card top-up, pays it on the given Stripe account's stand-in (which delivers the signed webhook); answers its id. */
    private static String payByCard(String token, String[] host, String provider, String amount, String stripeBase, String secretKey) {
        String[] headers = new String[host.length + 4];
        System.arraycopy(bearer(token, "Idempotency-Key", UUID.randomUUID().toString()), 0, headers, 0, 4);
        System.arraycopy(host, 0, headers, 4, host.length);
        HttpResponse<String> started = post("/api/v1/account/top-ups", json(Map.of("provider", provider, "amount", Map.of("amount", amount,
                "currency", "EUR"))), headers);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String session = json(started).get("providerReference").asText();
        // The session is in this account, and only there.
        HttpResponse<String> atItsAccount = send(HttpRequest.newBuilder(URI.create(stripeBase + "/v1/checkout/sessions/" + session))
                .header("Authorization", "Bearer " + secretKey).GET().build());
        assertThat(atItsAccount.statusCode()).isEqualTo(200);
        assertThat(json(atItsAccount).at("/amount_total").asLong()).isEqualTo(new BigDecimal(amount).movePointRight(2).longValueExact());
        JsonNode paid = json(send(HttpRequest.newBuilder(URI.create(stripeBase + "/_test/checkout/sessions/" + session + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertThat(paid.get("deliveries").toString()).isEqualTo("[200]");
        return json(started).get("id").asText();
    }

    private static String balance(String token, String[] host) {
        return json(get("/api/v1/account", bearer(token, host))).at("/balance/amount").asText();
    }

    private static JsonNode find(JsonNode entries, String type) {
        for (JsonNode entry : entries) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " entry in " + entries);
    }

    private List<ServiceRegistration<?>> registerOption(String id, Money flatRate) {
        List<ServiceRegistration<?>> registrations = registerOption(new TestOption(id, "Itest " + id, "An option of this test."), Optional.empty(),
                PricingPlugin.of((configuration, context) -> List.of(new PriceComponent(id, "Itest " + id,
                        Money.ofMinor(flatRate.minorUnits(), context.currency())))));
        await("option " + id + " on sale", Duration.ofSeconds(30),
                () -> catalog.options(TenantId.DEFAULT).stream().anyMatch(o -> o.id().equals(id) && o.priced()) ? Boolean.TRUE : null);
        return registrations;
    }
}
