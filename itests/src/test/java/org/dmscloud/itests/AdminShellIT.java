package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Currency;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.inject.Inject;

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
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.time.ClockControl;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The operator's shell on the distribution: each command run through a shell session as an operator
 * types it, and what it changed checked in the platform's services, not only in what it printed; the
 * support role looking but not changing; every dms command under an ACL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminShellIT extends DmsCloudTestSupport {

    private static final Currency EUR = Currency.getInstance("EUR");

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

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        options.add(editConfigurationFilePut("etc/org.dmscloud.clock.cfg", "adjustable", "true"));
        // The operator runs the days here; the scheduler stays out of the way.
        options.add(editConfigurationFilePut("etc/org.dmscloud.billing.run.cfg", "scheduled", "false"));
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
        String created = executeCommand("dms:tenant-create --name \"Acme Networks\" --host acme.dms.example --host Portal.Acme.Example "
                + "--brand \"Acme DMS\" --support support@acme.example --mail-from noreply@acme.example --portal-url https://portal.acme.example acme");

        assertThat(created).contains("acme (Acme Networks), ENABLED", "acme.dms.example, portal.acme.example", "Acme DMS", "everything on sale");
        Tenant acme = tenantDirectory.byHost("portal.acme.example:8181").orElseThrow();
        assertThat(acme.settings().currency()).as("the platform's").isEqualTo(EUR);
        assertThat(executeCommand("dms:tenant-list")).contains("default", "acme", "Acme Networks");

        String updated = executeCommand("dms:tenant-update --catalog business,usp --markup 15 --price usp=4.00 --add-host acme.example acme");

        assertThat(updated).contains("only business, usp", "+15 % on every item; usp 4.00 EUR a day", "acme.example");
        Tenant repriced = tenantDirectory.find(new TenantId("acme")).orElseThrow();
        assertThat(repriced.settings().prices().markupBasisPoints()).isEqualTo(1_500);
        assertThat(repriced.settings().prices().dailyPrices()).containsEntry("usp", Money.of("4.00", "EUR"));

        assertThat(executeCommand("dms:tenant-disable --reason \"unpaid wholesale invoice\" acme")).contains("DISABLED");
        assertThat(executeCommand("dms:tenant-enable acme")).contains("ENABLED");
        String shown = executeCommand("dms:tenant-show acme");
        assertThat(shown).contains("ENABLE by", "DISABLE by", "unpaid wholesale invoice", "UPDATE by", "CREATE by");

        assertThatThrownBy(() -> executeCommand("dms:tenant-create --host acme.dms.example --support s@rival.example --mail-from m@rival.example "
                + "--portal-url https://rival.example rival")).hasMessageContaining("hostNames: Another tenant answers at acme.dms.example (acme)");
        assertThatThrownBy(() -> executeCommand("dms:tenant-update --host \"not a host\" --markup 2000 acme"))
                .hasMessageContaining("hostNames:").hasMessageContaining("markup:");
        assertThatThrownBy(() -> asSupport("dms:tenant-update --markup 0 acme")).hasMessageContaining("Command not found: dms:tenant-update");
        assertThat(asSupport("dms:tenant-show acme")).contains("Acme Networks");
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

    private Money balance(Account account) {
        return accountService.find(account.id()).orElseThrow().balance();
    }

    /** Runs a command as a person with the support role (and Karaf's viewer role), as etc/users.properties would give them. */
    private String asSupport(String command) {
        return executeOnce(command, "support", "viewer", "ssh");
    }
}
