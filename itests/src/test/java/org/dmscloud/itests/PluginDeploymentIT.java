package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.time.ClockControl;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.tenant.TenantScope;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * On the distribution: the example reseller bundle's KAR, dropped into the running platform's {@code deploy/}
 * folder, puts its option on sale for its tenant only, off sale when taken away and on sale again when put back (how
 * long that takes is bench/README.md's "Hot deployment"); an instance takes it, the daily run charges its price, and its
 * lifecycle listener records the instance in the bundle's own table; updated in place, its new price applies from the next charge (R10); a
 * pricing plugin that throws leaves every other instance billed; taken away, the instance goes on at the rate
 * it last paid (R12).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginDeploymentIT extends DmsCloudTestSupport {

    private static final String KAR = "dms.example.kar";
    private static final String ACME_HOST = "portal.acme.example";
    private static final String[] AT_ACME = { "Host", ACME_HOST };
    private static final String PASSWORD = "correct horse battery";
    private static final String WITH_REPORTS = "/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=device-reports";

    @Inject
    DailyRunService dailyRun;

    @Inject
    ClockControl clock;

    @Inject
    @Filter("(osgi.jndi.service.name=dmscloud)")
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        options.add(editConfigurationFilePut("etc/org.dmscloud.clock.cfg", "adjustable", "true"));
        // The tests run each day themselves: the scheduler would bill a shifted day too, before or after them.
        options.add(editConfigurationFilePut("etc/org.dmscloud.billing.run.cfg", "scheduled", "false"));
        options.add(systemProperty(KAR).value(System.getProperty(KAR)));
        return options.toArray(Option[]::new);
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
            try {
                JsonNode other = json(post("/api/v1/instances", json(Map.of("name", "Flaky ACS", "packageId", "business",
                        "expectedDevices", 2000, "optionIds", List.of("flaky"), "enabled", true)),
                        bearer(signIn(email, PASSWORD, AT_ACME), "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())));
                assertThat(other.at("/instance/state").asText()).isEqualTo("ENABLED");
                broken.set(true);
                clock.shiftBy(Duration.ofDays(1));
                run = dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            } finally {
                flaky.forEach(ServiceRegistration::unregister);
            }
            assertThat(run.failed()).isEqualTo(1);
            assertThat(run.charged()).isEqualTo(1);
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
        AddonOption option = new AddonOption() {
            @Override
            public String id() {
                return "hostile";
            }

            @Override
            public String name() {
                return "Hostile add-on";
            }

            @Override
            public String description() {
                return "An add-on whose pricing plugin misbehaves on demand.";
            }
        };
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
        return List.of(bundleContext.registerService(AddonOption.class, option, new Hashtable<>(Map.of(AddonOption.OPTION_ID, "hostile"))),
                bundleContext.registerService(PricingPlugin.class, pricing, new Hashtable<>(Map.of(PricingPlugin.PRICED_ITEM, "hostile"))));
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
        AddonOption option = new AddonOption() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public String name() {
                return "Flaky add-on";
            }

            @Override
            public String description() {
                return "An add-on whose pricing breaks.";
            }
        };
        PricingPlugin pricing = PricingPlugin.of((configuration, context) -> {
            if (broken.get()) {
                throw new IllegalStateException("the price server is down");
            }
            return List.of(new PriceComponent("flaky", "Flaky add-on", Money.ofMinor(1_00, context.currency())));
        });
        return List.of(
                bundleContext.registerService(AddonOption.class, option,
                        new Hashtable<>(Map.of(AddonOption.OPTION_ID, "flaky", TenantScope.PROPERTY, "acme"))),
                bundleContext.registerService(PricingPlugin.class, pricing,
                        new Hashtable<>(Map.of(PricingPlugin.PRICED_ITEM, "flaky", TenantScope.PROPERTY, "acme"))));
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
}
