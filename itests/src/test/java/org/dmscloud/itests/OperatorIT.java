package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.time.ClockControl;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an operator does to the running distribution, on one distribution booted once (the clock in test mode, the
 * daily run left to the tests): the shell, each command run through a shell session as an operator types it and what
 * it changed checked in the platform's services, not only in what it printed; the support role looking but not
 * changing; every dms command under an ACL. And a reseller's plugin hot-deployed: the example bundle's KAR, dropped into
 * the {@code deploy/} folder, puts its option on sale for its tenant only, off sale when taken away and on sale again
 * when put back (how long that takes is bench/README.md's "Hot deployment"); an instance takes it, the daily run charges
 * its price, and its lifecycle listener records the instance in the bundle's own table; updated in place, its new price
 * applies from the next charge (R10); a pricing plugin that throws leaves every other instance billed; taken away, the
 * instance goes on at the rate it last paid (R12). The tests share the platform: a daily run's counts are asserted
 * only where no other test's instance can change them (its failures, a day's second run), and per instance otherwise.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperatorIT extends DmsCloudTestSupport {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String KAR = "dms.example.kar";
    private static final String ACME_HOST = "portal.acme.example";
    private static final String[] AT_ACME = { "Host", ACME_HOST };
    private static final String PASSWORD = "correct horse battery";
    private static final String WITH_REPORTS = "/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=device-reports";

    @Inject
    AccountService accountService;

    @Inject
    AccountAdministration accounts;

    @Inject
    BalanceService balances;

    @Inject
    InstanceService instanceService;

    @Inject
    InstanceAdministration instances;

    @Inject
    QuoteService quotes;

    @Inject
    DailyRunService dailyRun;

    @Inject
    ClockControl clock;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    TenantDirectory tenantDirectory;

    @Inject
    @Filter("(osgi.jndi.service.name=dmscloud)")
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        options.add(editConfigurationFilePut("etc/org.dmscloud.clock.cfg", "adjustable", "true"));
        // The operator runs the days here; the scheduler stays out of the way.
        options.add(editConfigurationFilePut("etc/org.dmscloud.billing.run.cfg", "scheduled", "false"));
        options.add(systemProperty(KAR).value(System.getProperty(KAR)));
        return options.toArray(Option[]::new);
    }

    /** Every periodic job of the platform's bundles is the job runner's, and an operator sees each: one primitive, no hand-made scheduler. */
    @Test
    public void theOperatorSeesEveryPeriodicJobOfThePlatform() {
        // Each bundle's jobs are listed once the bundle's components are up, which may follow the health check.
        List<String> expected = List.of("dms-cloud-events", "instance-event-delivery", "dms-cloud-deployments", "deployments",
                "sign-in-failure-cleanup", "acs-retention", "top-up-reconciliation", "mail-delivery");
        String jobs = await("every bundle's jobs listed", java.time.Duration.ofSeconds(60), () -> {
            String list = executeCommand("dms:job-list");
            return expected.stream().allMatch(list::contains) ? list : null;
        });
        assertThat(jobs).as("this node does not run the day's run on schedule").doesNotContain("daily-run");
    }

    @Test
    public void anOperatorFindsAnAccountLocksItOutOfThePortalAndUnlocksIt() {
        awaitHealthy();
        String email = "lock-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);
        String account = json(get("/api/v1/account", bearer(token))).get("id").asText();

        assertThat(executeCommand("dms:account-list --email " + email.substring(0, 20))).contains(account, email, "ACTIVE");
        assertThat(executeCommand("dms:account-show " + account)).contains(account, "0.00 EUR", email);

        String locked = executeCommand("dms:account-lock --reason \"chargeback on card\" " + account);

        assertThat(locked).contains("LOCKED", "chargeback on card");
        assertThat(accounts.find(AccountId.parse(account)).orElseThrow().status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(get("/api/v1/account", bearer(token)).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", "correct horse battery")));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("detail").asText()).contains("locked");
        assertThat(executeCommand("dms:account-list --status LOCKED")).contains(account);

        executeCommand("dms:account-unlock " + account);

        assertThat(accounts.find(AccountId.parse(account)).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(signIn(email, "correct horse battery")).isNotBlank();
    }

    @Test
    public void anOperatorCreditsAnAccountAndActsOnItsInstanceByTheBillingRules() {
        Account account = accountService.open(TenantId.DEFAULT, "Shell Telecom " + UUID.randomUUID(), EUR);
        String adjusted = executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key welcome-" + account.id() + " "
                + account.id() + " 200.00");
        assertThat(adjusted).contains("balance now 200.00 EUR");
        executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key welcome-" + account.id() + " " + account.id() + " 200.00");
        assertThat(balance(account)).isEqualTo(Money.of("200.00", "EUR"));
        Instance instance = instanceService.create(account.id(), new NewInstance("Shell ACS", InstanceConfiguration.of("business", 2_000,
                Set.of()), true), ActionOptions.NONE).instance();
        Money afterCreate = balance(account);

        assertThat(executeCommand("dms:instance-list --account " + account.id())).contains(instance.id().toString(), "business", "ENABLED");
        assertThat(executeCommand("dms:instance-disable " + instance.id())).contains("DISABLED", "Charged:   nothing");
        assertThat(instances.find(instance.id()).orElseThrow().state()).isEqualTo(InstanceState.DISABLED);
        assertThat(executeCommand("dms:instance-list --state DISABLED --account " + account.id())).contains(instance.id().toString());

        // Enabling inside the paid day is free (R4): the quote says so, and so does the ledger after.
        assertThat(executeCommand("dms:instance-quote " + instance.id() + " enable")).contains("rule R4", "0.00 EUR (free)");
        executeCommand("dms:instance-enable " + instance.id());
        assertThat(instances.find(instance.id()).orElseThrow().state()).isEqualTo(InstanceState.ENABLED);
        assertThat(balance(account)).isEqualTo(afterCreate);

        // An upgrade's quote is the same amount the quote service gives, and changes nothing.
        String upgrade = executeCommand("dms:instance-quote --devices 5000 " + instance.id() + " settings");
        Money expected = quotes.quoteChangeSettings(account.id(), instance.id(), InstanceConfiguration.of("business", 5_000, Set.of())).amount();
        assertThat(upgrade).contains("rule R7", expected + " (a charge)");
        assertThat(instances.find(instance.id()).orElseThrow().configuration().expectedDevices()).isEqualTo(2_000);
        assertThat(executeCommand("dms:instance-show " + instance.id())).contains("business, 2000 devices");
        assertThat(executeCommand("dms:account-show " + account.id())).contains(instance.id().toString(), "ADMIN_ADJUSTMENT");
    }

    @Test
    public void theDryRunForeseesTheRunTheRunChargesAndTheAuditFindsEveryBalanceExplained() {
        Account account = accountService.open(TenantId.DEFAULT, "Billing Telecom " + UUID.randomUUID(), EUR);
        balances.adjust(account.id(), Money.of("100.00", "EUR"), "funds", "itest", "funds-" + account.id());
        Instance instance = instanceService.create(account.id(), new NewInstance("Billed ACS", InstanceConfiguration.of("starter", 100,
                Set.of()), true), ActionOptions.NONE).instance();
        Duration offsetBefore = clock.offset();
        try {
            clock.setTo(instance.paidUntil().plus(Duration.ofHours(1)));
            LocalDate day = LocalDate.ofInstant(instance.paidUntil(), ZoneOffset.UTC);
            Money beforeRun = balance(account);

            String preview = executeCommand("dms:billing-dry-run --day " + day);

            assertThat(preview).contains("Daily run for " + day, "CHARGE", instance.id().toString());
            assertThat(balance(account)).isEqualTo(beforeRun);
            assertThat(instances.find(instance.id()).orElseThrow().paidUntil()).isEqualTo(instance.paidUntil());

            String run = executeCommand("dms:billing-run --day " + day);

            assertThat(run).contains(day.toString(), "COMPLETED");
            BillingRun latest = dailyRun.history(1).get(0);
            assertThat(latest.day()).isEqualTo(day);
            assertThat(latest.charged()).isGreaterThanOrEqualTo(1);
            assertThat(balances.ledger(account.id(), Long.MAX_VALUE, 10)).anyMatch(e -> e.type() == LedgerEntryType.DAILY_CHARGE);
            assertThat(balance(account).isLessThan(beforeRun)).isTrue();
            assertThat(executeCommand("dms:billing-runs")).contains(Long.toString(latest.id()), day.toString());
            assertThat(executeCommand("dms:billing-dry-run --day " + day)).contains("would charge 0 instance(s)");
            assertThat(executeCommand("dms:billing-audit")).contains("match their ledgers");
            assertThatThrownBy(() -> executeCommand("dms:billing-run --day 2999-01-01")).hasMessageContaining("after today");
        } finally {
            clock.reset();
            clock.shiftBy(offsetBefore);
        }
    }

    @Test
    public void theCatalogAndThePaymentProvidersShowWhatIsOnSaleAndWhoProvidesIt() {
        assertThat(executeCommand("dms:catalog")).contains("starter", "business", "enterprise", "usp", "dms-cloud-catalog-default");
        assertThat(executeCommand("dms:payment-providers")).contains("stripe", "bank-transfer", "no secretKey");
    }

    /** A reseller added, changed, disabled and enabled from the shell, each step in the database and audited. */
    @Test
    public void anOperatorAddsAResellerChangesItsSettingsAndClosesAndOpensItsPortal() {
        String created = executeCommand("dms:tenant-create --name \"Globex Networks\" --host globex.dms.example --host Portal.Globex.Example "
                + "--brand \"Globex DMS\" --support support@globex.example --mail-from noreply@globex.example "
                + "--portal-url https://portal.globex.example globex");

        assertThat(created).contains("globex (Globex Networks), ENABLED", "globex.dms.example, portal.globex.example", "Globex DMS",
                "everything on sale");
        Tenant globex = tenantDirectory.byHost("portal.globex.example:8181").orElseThrow();
        assertThat(globex.settings().currency()).as("the platform's").isEqualTo(EUR);
        assertThat(executeCommand("dms:tenant-list")).contains("default", "globex", "Globex Networks");

        String updated = executeCommand("dms:tenant-update --catalog business,usp --markup 15 --price usp=4.00 --add-host globex.example globex");

        assertThat(updated).contains("only business, usp", "+15 % on every item; usp 4.00 EUR a day", "globex.example");
        Tenant repriced = tenantDirectory.find(new TenantId("globex")).orElseThrow();
        assertThat(repriced.settings().prices().markupBasisPoints()).isEqualTo(1_500);
        assertThat(repriced.settings().prices().dailyPrices()).containsEntry("usp", Money.of("4.00", "EUR"));

        assertThat(executeCommand("dms:tenant-disable --reason \"unpaid wholesale invoice\" globex")).contains("DISABLED");
        assertThat(executeCommand("dms:tenant-enable globex")).contains("ENABLED");
        String shown = executeCommand("dms:tenant-show globex");
        assertThat(shown).contains("ENABLE by", "DISABLE by", "unpaid wholesale invoice", "UPDATE by", "CREATE by");

        assertThatThrownBy(() -> executeCommand("dms:tenant-create --host globex.dms.example --support s@rival.example --mail-from m@rival.example "
                + "--portal-url https://rival.example rival")).hasMessageContaining("hostNames: Another tenant answers at globex.dms.example (globex)");
        assertThatThrownBy(() -> executeCommand("dms:tenant-update --host \"not a host\" --markup 2000 globex"))
                .hasMessageContaining("hostNames:").hasMessageContaining("markup:");
        assertThatThrownBy(() -> asSupport("dms:tenant-update --markup 0 globex")).hasMessageContaining("Command not found: dms:tenant-update");
        assertThat(asSupport("dms:tenant-show globex")).contains("Globex Networks");
    }

    @Test
    public void badArgumentsAreRefusedWithAMessageAPersonUnderstands() {
        assertThatThrownBy(() -> executeCommand("dms:account-show not-an-id")).hasMessageContaining("account id");
        assertThatThrownBy(() -> executeCommand("dms:account-show " + UUID.randomUUID())).hasMessageContaining("no account");
        assertThatThrownBy(() -> executeCommand("dms:instance-list --state SLEEPING")).hasMessageContaining("no instance state");
        assertThatThrownBy(() -> executeCommand("dms:billing-dry-run --day yesterday")).hasMessageContaining("no day");
        assertThatThrownBy(() -> executeCommand("dms:account-lock " + UUID.randomUUID())).hasMessageContaining("reason");
    }

    @Test
    public void theSupportRoleLooksButCannotChangeAnything() {
        Account account = accountService.open(TenantId.DEFAULT, "Support Telecom " + UUID.randomUUID(), EUR);

        assertThat(asSupport("dms:account-show " + account.id())).contains(account.id().toString());
        assertThat(asSupport("dms:billing-runs")).contains("Run");
        // What a role may not run, its console does not even show.
        assertThatThrownBy(() -> asSupport("dms:balance-adjust --reason sneaky --key sneaky-" + account.id() + " " + account.id() + " 1000.00"))
                .hasMessageContaining("Command not found: dms:balance-adjust");
        assertThatThrownBy(() -> asSupport("dms:account-lock --reason sneaky " + account.id()))
                .hasMessageContaining("Command not found: dms:account-lock");
        assertThatThrownBy(() -> asSupport("dms:billing-run")).hasMessageContaining("Command not found: dms:billing-run");
        assertThat(balance(account).isZero()).isTrue();
        assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    public void everyDmsCommandHasAnAclLine() throws Exception {
        executeCommand("dms:catalog");
        Set<String> commands = sessionFactory.getRegistry().getCommands().stream().filter(c -> c.getScope().equals("dms"))
                .map(org.apache.karaf.shell.api.console.Command::getName).collect(Collectors.toSet());
        Dictionary<String, Object> acl = configurationAdmin.getConfiguration("org.apache.karaf.command.acl.dms", null).getProperties();
        Set<String> covered = Collections.list(acl.keys()).stream().collect(Collectors.toSet());

        assertThat(commands).contains("account-lock", "billing-dry-run", "invoice-pay", "topup-reconcile", "tenant-create", "tenant-update");
        assertThat(covered).containsAll(commands);
    }

    @Test
    public void aResellersKarDroppedIntoDeployIsOnSaleForItsCustomersChargedAndHeardAndGoesOnAtItsLastRateWhenRemoved() throws Exception {
        awaitHealthy();
        assertThat(executeCommand("dms:tenant-create --name \"Acme Networks\" --host " + ACME_HOST + " --brand \"Acme DMS\" "
                + "--support support@acme.example --mail-from noreply@acme.example --portal-url https://" + ACME_HOST + " --currency EUR "
                + "--plugin org.example.device-reports --plugin " + bundleContext.getBundle().getSymbolicName() + " acme")).contains("acme");
        await("Acme's portal", Duration.ofSeconds(30), () -> get("/api/v1/catalog", AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "device-reports.kar");

        // Hot deployment: copied into deploy/ and on sale at Acme, taken away and off sale, and back again. How long each
        // takes is a benchmark's figure (bench/README.md, "Hot deployment"), not this test's: a test that times itself fails
        // on a busy machine, not on a slow deployment.
        Files.copy(Path.of(System.getProperty(KAR)), deployed, StandardCopyOption.REPLACE_EXISTING);
        await("the option on sale at Acme", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);
        Files.delete(deployed);
        await("the option off sale", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 400 ? Boolean.TRUE : null);
        Files.copy(Path.of(System.getProperty(KAR)), deployed, StandardCopyOption.REPLACE_EXISTING);
        await("the option on sale again", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);

        // The operators' list: the bundle, what it contributes, and nothing wrong with it.
        String plugins = executeCommand("dms:plugin-list");
        assertThat(plugins).contains("org.example.device-reports", "option device-reports for tenant acme");
        assertThat(executeCommand("dms:plugin-list --problems")).doesNotContain("org.example.device-reports");

        // For Acme's customers only: the platform's own customers cannot buy it.
        assertThat(json(get("/api/v1/catalog", AT_ACME)).get("options").findValuesAsText("id")).contains("device-reports");
        assertThat(json(get("/api/v1/catalog")).get("options").findValuesAsText("id")).doesNotContain("device-reports");
        assertThat(get(WITH_REPORTS).statusCode()).isEqualTo(400);
        BigDecimal daily = new BigDecimal(json(get(WITH_REPORTS, AT_ACME)).at("/total/amount").asText());

        // An Acme customer's instance takes it; the listener records the instance in the bundle's own table.
        String email = "reports-" + UUID.randomUUID() + "@example.com";
        String token = acmeCustomer(email);
        String account = json(get("/api/v1/account", bearer(token, AT_ACME))).get("id").asText();
        assertThat(executeCommand("dms:balance-adjust --reason \"Test funds\" --key " + UUID.randomUUID() + " " + account + " 300.00"))
                .contains("300.00");
        JsonNode created = json(post("/api/v1/instances", json(Map.of("name", "Reported ACS", "packageId", "business", "expectedDevices", 2000,
                "optionIds", List.of("device-reports"), "enabled", true)), bearer(token, "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())));
        String instance = created.at("/instance/id").asText();
        assertThat(new BigDecimal(created.at("/instance/paidRate/amount").asText())).isEqualByComparingTo(daily);
        assertThat(await("the listener's row", Duration.ofSeconds(30), () -> row(instance))).isEqualTo("devices=2000 active=true charged=0");

        try {
            // The daily run charges its price and the listener counts the charged day.
            clock.shiftBy(Duration.ofDays(1));
            dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            JsonNode charge = dailyCharges(email, instance).get(0);
            assertThat(new BigDecimal(charge.at("/amount/amount").asText())).isEqualByComparingTo(daily.negate());
            assertThat(reportsComponent(charge)).isEqualByComparingTo("2.50"); // 1.50 and 0.50 for each started thousand devices
            assertThat(await("the charged day counted", Duration.ofSeconds(30), () -> "devices=2000 active=true charged=1".equals(row(instance))
                    ? Boolean.TRUE : null)).isTrue();

            // Updated in place with a new price list: quoted at once, charged from the next charge on (R10).
            Bundle reports = bundle("org.example.device-reports");
            reports.update(new ByteArrayInputStream(withPrices(reportsJar(), "EUR = 300 100\n")));
            BigDecimal newDaily = daily.subtract(new BigDecimal("2.50")).add(new BigDecimal("5.00"));
            await("the new price quoted", Duration.ofSeconds(60), () -> {
                HttpResponse<String> quoted = get(WITH_REPORTS, AT_ACME);
                return quoted.statusCode() == 200 && new BigDecimal(json(quoted).at("/total/amount").asText()).compareTo(newDaily) == 0
                        ? Boolean.TRUE : null;
            });
            JsonNode paid = json(get("/api/v1/instances/" + instance, bearer(signIn(email, PASSWORD, AT_ACME), AT_ACME)));
            assertThat(new BigDecimal(paid.at("/paidRate/amount").asText())).as("the running day, paid at the old price")
                    .isEqualByComparingTo(daily);

            // A pricing plugin that throws on the day: the run bills every other instance and records that one as failed.
            AtomicBoolean broken = new AtomicBoolean();
            List<ServiceRegistration<?>> flaky = flakyOption(broken);
            BillingRun run;
            String flakyInstance;
            try {
                JsonNode other = json(post("/api/v1/instances", json(Map.of("name", "Flaky ACS", "packageId", "business",
                        "expectedDevices", 2000, "optionIds", List.of("flaky"), "enabled", true)),
                        bearer(signIn(email, PASSWORD, AT_ACME), "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())));
                assertThat(other.at("/instance/state").asText()).isEqualTo("ENABLED");
                flakyInstance = other.at("/instance/id").asText();
                broken.set(true);
                clock.shiftBy(Duration.ofDays(1));
                run = dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            } finally {
                flaky.forEach(ServiceRegistration::unregister);
            }
            // The run's charged count includes the other tests' instances on this shared platform; the failure is this one's.
            assertThat(run.failed()).isEqualTo(1);
            assertThat(dailyCharges(email, flakyInstance)).as("the instance whose price failed, left unbilled").isEmpty();
            assertThat(dailyCharges(email, instance)).as("the other instance, billed").hasSize(2);
            charge = dailyCharges(email, instance).get(0);
            assertThat(new BigDecimal(charge.at("/amount/amount").asText())).isEqualByComparingTo(newDaily.negate());
            assertThat(reportsComponent(charge)).isEqualByComparingTo("5.00");

            // Taken away: off sale, and the instance goes on at the rate it last paid (R12).
            Files.delete(deployed);
            await("the option off sale", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 400 ? Boolean.TRUE : null);
            clock.shiftBy(Duration.ofDays(1));
            dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            List<JsonNode> charges = dailyCharges(email, instance);
            assertThat(charges).hasSize(3);
            assertThat(new BigDecimal(charges.get(0).at("/amount/amount").asText())).isEqualByComparingTo(newDaily.negate());
            assertThat(charges.get(0).get("description").asText()).contains("R12", "device-reports");
        } finally {
            clock.reset();
        }
    }

    /**
     * A platform-wide option whose pricing plugin throws an Error, answers null, nothing or another item's price, or
     * hangs: every request that needs its price is a 503 naming it, everything else answers as usual, the daily run bills
     * everyone else and completes, health tells the operators, and the day's next run bills the instance once the
     * plugin works again.
     */
    @Test
    public void aPricingPluginThatThrowsAnErrorAnswersNonsenseOrHangsIsSurvivedByEveryRequestAndTheDailyRun() throws Exception {
        awaitHealthy();
        AtomicReference<String> mode = new AtomicReference<>("ok");
        List<ServiceRegistration<?>> hostile = hostileOption(mode);
        String email = "hostile-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);
        String account = json(get("/api/v1/account", bearer(token))).get("id").asText();
        assertThat(executeCommand("dms:balance-adjust --reason \"Test funds\" --key " + UUID.randomUUID() + " " + account + " 300.00"))
                .contains("300.00");
        String withHostile = "/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=hostile";
        String quote = json(Map.of("action", "CREATE", "packageId", "business", "expectedDevices", 2000, "optionIds", List.of("hostile"),
                "enabled", true));
        String instance = json(post("/api/v1/instances", json(Map.of("name", "Hostile ACS", "packageId", "business", "expectedDevices", 2000,
                "optionIds", List.of("hostile"), "enabled", true)), bearer(token, "Idempotency-Key", UUID.randomUUID().toString())))
                .at("/instance/id").asText();
        try {
            for (String bad : List.of("error", "null", "empty", "foreign", "sleep")) {
                mode.set(bad);
                HttpResponse<String> price = get(withHostile);
                assertThat(price.statusCode()).as("%s: %s", bad, price.body()).isEqualTo(503);
                assertThat(price.headers().firstValue("Retry-After")).as(bad).isPresent();
                assertThat(json(price).get("type").asText()).as(bad).endsWith("/pricing-unavailable");
                assertThat(json(price).get("item").asText()).as(bad).isEqualTo("hostile");
                assertThat(post("/api/v1/quotes", quote, bearer(token)).statusCode()).as(bad).isEqualTo(503);
                assertThat(get("/api/v1/catalog").statusCode()).as(bad).isEqualTo(200);
                assertThat(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000").statusCode()).as(bad).isEqualTo(200);
                HttpResponse<String> landing = get("/?package=business&devices=2000&option=hostile", "Accept", "text/html");
                assertThat(landing.statusCode()).as(bad).isEqualTo(200);
                assertThat(landing.body()).as(bad).contains("cannot be priced right now");
                assertThat(executeCommand("dms:catalog")).as(bad).contains("PLUGIN FAILING: 'hostile'");
            }
            assertThat(executeCommand("dms:plugin-list --problems")).contains("option hostile", "failing: ");

            mode.set("error");
            clock.shiftBy(Duration.ofDays(1));
            LocalDate day = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
            BillingRun run = dailyRun.run(day);
            assertThat(run.status()).isEqualTo(BillingRun.Status.COMPLETED);
            assertThat(run.failed()).isEqualTo(1);
            token = signIn(email, PASSWORD); // a day later, the session has run out
            assertThat(json(get("/api/v1/instances/" + instance, bearer(token))).get("paidUntil").asText())
                    .as("left unbilled").isEqualTo(day + "T00:00:00Z");
            JsonNode health = json(await("health telling the operators", Duration.ofSeconds(30), () -> {
                HttpResponse<String> answer = get("/api/v1/health");
                return answer.body().contains("not billed yet") ? answer : null;
            }));
            assertThat(health.get("status").asText()).isEqualTo("UP");

            mode.set("ok");
            BillingRun again = dailyRun.run(day);
            assertThat(List.of(again.charged(), again.failed())).containsExactly(1L, 0L);
            assertThat(json(get("/api/v1/instances/" + instance, bearer(token))).get("paidUntil").asText()).isEqualTo(day.plusDays(1) + "T00:00:00Z");
        } finally {
            // Deleted, so that the other test's runs count only their own instances.
            delete("/api/v1/instances/" + instance, bearer(signIn(email, PASSWORD), "Idempotency-Key", UUID.randomUUID().toString()));
            hostile.forEach(ServiceRegistration::unregister);
            clock.reset();
        }
    }

    /** The platform's option "hostile", whose pricing plugin does what {@code mode} says. */
    private List<ServiceRegistration<?>> hostileOption(AtomicReference<String> mode) {
        TestOption option = new TestOption("hostile", "Hostile add-on", "An add-on whose pricing plugin misbehaves on demand.");
        PricingPlugin pricing = PricingPlugin.of((configuration, context) -> switch (mode.get()) {
            case "error" -> throw new NoClassDefFoundError("org/example/pricing/Tariff");
            case "null" -> null;
            case "empty" -> List.of();
            case "foreign" -> List.of(new PriceComponent("business", "Business, free", Money.ofMinor(0, context.currency())));
            case "sleep" -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield List.of(new PriceComponent("hostile", "Hostile add-on", Money.ofMinor(1_00, context.currency())));
            }
            default -> List.of(new PriceComponent("hostile", "Hostile add-on", Money.ofMinor(1_00, context.currency())));
        });
        return registerOption(option, Optional.empty(), pricing);
    }

    /** The amount of the device-reports component of a charge. */
    private static BigDecimal reportsComponent(JsonNode charge) {
        for (JsonNode component : charge.get("breakdown")) {
            if ("device-reports".equals(component.get("item").asText())) {
                return new BigDecimal(component.at("/amount/amount").asText());
            }
        }
        throw new AssertionError("no device-reports component in " + charge);
    }

    /** The example bundle's jar, as its KAR carries it. */
    private static byte[] reportsJar() throws IOException {
        try (ZipInputStream kar = new ZipInputStream(Files.newInputStream(Path.of(System.getProperty(KAR))))) {
            for (ZipEntry entry = kar.getNextEntry(); entry != null; entry = kar.getNextEntry()) {
                if (entry.getName().endsWith(".jar")) {
                    return kar.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no bundle in the KAR");
    }

    /** The jar with another price list: the next version a reseller would ship. */
    private static byte[] withPrices(byte[] jar, String prices) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar)); JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                out.write(entry.getName().equals("prices.properties") ? prices.getBytes(StandardCharsets.ISO_8859_1) : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An option of Acme's whose pricing plugin throws once {@code broken} is set, as a plugin with a bug would. */
    private List<ServiceRegistration<?>> flakyOption(AtomicBoolean broken) {
        TestOption option = new TestOption("flaky", "Flaky add-on", "An add-on whose pricing breaks.");
        PricingPlugin pricing = PricingPlugin.of((configuration, context) -> {
            if (broken.get()) {
                throw new IllegalStateException("the price server is down");
            }
            return List.of(new PriceComponent("flaky", "Flaky add-on", Money.ofMinor(1_00, context.currency())));
        });
        return registerOption(option, Optional.of("acme"), pricing);
    }

    /** The listener's row of the instance, or null while there is none. */
    private String row(String instance) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT expected_devices, active, charged_days FROM device_report_instance WHERE instance_id = ?")) {
            select.setString(1, instance);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? "devices=" + row.getLong(1) + " active=" + row.getBoolean(2) + " charged=" + row.getInt(3) : null;
            }
        } catch (SQLException e) {
            return null; // the bundle's table is not there yet
        }
    }

    /** The daily charges of the customer's instance, newest first. */
    private List<JsonNode> dailyCharges(String email, String instance) {
        String token = signIn(email, PASSWORD, AT_ACME);
        List<JsonNode> charges = new ArrayList<>();
        json(get("/api/v1/account/ledger", bearer(token, AT_ACME))).get("entries").forEach(entry -> {
            if ("DAILY_CHARGE".equals(entry.get("type").asText()) && instance.equals(entry.path("instanceId").asText())) {
                charges.add(entry);
            }
        });
        return charges;
    }

    /** A verified customer of Acme's, signed in. */
    private static String acmeCustomer(String email) {
        assertThat(post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Ada at Acme")), AT_ACME)
                .statusCode()).isEqualTo(202);
        String mail = awaitMail(email, "Confirm your email address");
        Matcher link = Pattern.compile("https?://" + Pattern.quote(ACME_HOST) + "(/verify\\?token=[A-Za-z0-9_%-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        HttpResponse<String> verified = get(link.group(1), AT_ACME);
        assertThat(verified.statusCode()).isEqualTo(200);
        return signIn(email, PASSWORD, AT_ACME);
    }

    private Money balance(Account account) {
        return accountService.find(account.id()).orElseThrow().balance();
    }

    /** Runs a command as a person with the support role (and Karaf's viewer role), as etc/users.properties would give them. */
    private String asSupport(String command) {
        return executeOnce(command, "support", "viewer", "ssh");
    }
}
