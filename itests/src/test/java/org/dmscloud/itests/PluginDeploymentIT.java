package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.time.ClockControl;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11 on the distribution: the example reseller bundle's KAR, dropped into the running platform's
 * {@code deploy/} folder, puts its option on sale for its tenant only within seconds (timed over several
 * deployments); an instance takes it, the daily run charges its price, and its lifecycle listener records the
 * instance in the bundle's own table; taken away again, the instance goes on at the rate it last paid (R12).
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
        options.add(systemProperty(KAR).value(System.getProperty(KAR)));
        return options.toArray(Option[]::new);
    }

    @Test
    public void aResellersKarDroppedIntoDeployIsOnSaleForItsCustomersChargedAndHeardAndGoesOnAtItsLastRateWhenRemoved() throws Exception {
        awaitHealthy();
        assertThat(executeCommand("dms:tenant-create --name \"Acme Networks\" --host " + ACME_HOST + " --brand \"Acme DMS\" "
                + "--support support@acme.example --mail-from noreply@acme.example --portal-url https://" + ACME_HOST + " --currency EUR acme")).contains("acme");
        await("Acme's portal", Duration.ofSeconds(30), () -> get("/api/v1/catalog", AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "device-reports.kar");

        // Hot deployment, timed: copied into deploy/ until Acme's customers can price the option, and back.
        List<Long> onSale = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Files.copy(Path.of(System.getProperty(KAR)), deployed, StandardCopyOption.REPLACE_EXISTING);
            await("the option on sale at Acme", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 200 ? Boolean.TRUE : null);
            onSale.add((System.nanoTime() - start) / 1_000_000);
            if (run < 4) {
                Files.delete(deployed);
                await("the option off sale", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 400 ? Boolean.TRUE : null);
            }
        }
        List<Long> sorted = new ArrayList<>(onSale);
        Collections.sort(sorted);
        System.out.println("PluginDeploymentIT: KAR in deploy/ to on sale, ms: " + onSale + ", median " + sorted.get(2));
        assertThat(sorted.get(2)).as("median time from deploy/ to on sale, ms").isLessThanOrEqualTo(3_000);

        // For Acme's customers only: the platform's own customers cannot buy it.
        assertThat(json(get("/api/v1/catalog", AT_ACME)).get("options").findValuesAsText("id")).contains("device-reports");
        assertThat(json(get("/api/v1/catalog")).get("options").findValuesAsText("id")).doesNotContain("device-reports");
        assertThat(get(WITH_REPORTS).statusCode()).isEqualTo(400);
        BigDecimal reports = new BigDecimal("2.50"); // 1.50 and 0.50 for each started thousand devices
        BigDecimal daily = new BigDecimal(json(get(WITH_REPORTS, AT_ACME)).at("/total/amount").asText());

        // An Acme customer's instance takes it; the listener records the instance in the bundle's own table.
        String email = "reports-" + UUID.randomUUID() + "@example.com";
        String token = acmeCustomer(email);
        String account = json(get("/api/v1/account", bearer(token, AT_ACME))).get("id").asText();
        assertThat(executeCommand("dms:balance-adjust --reason \"Test funds\" --key " + UUID.randomUUID() + " " + account + " 100.00"))
                .contains("100.00");
        JsonNode created = json(post("/api/v1/instances", json(Map.of("name", "Reported ACS", "packageId", "business", "expectedDevices", 2000,
                "optionIds", List.of("device-reports"), "enabled", true)), bearer(token, "Host", ACME_HOST, "Idempotency-Key", UUID.randomUUID().toString())));
        String instance = created.at("/instance/id").asText();
        assertThat(new BigDecimal(created.at("/instance/paidRate/amount").asText())).isEqualByComparingTo(daily);
        assertThat(await("the listener's row", Duration.ofSeconds(30), () -> row(instance))).isEqualTo("devices=2000 due=true charged=0");

        try {
            // The daily run charges its price and the listener counts the charged day.
            clock.shiftBy(Duration.ofDays(1));
            dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            JsonNode charge = dailyCharges(email).get(0);
            assertThat(new BigDecimal(charge.at("/amount/amount").asText())).isEqualByComparingTo(daily.negate());
            assertThat(charge.get("breakdown").findValuesAsText("item")).contains("device-reports");
            assertThat(await("the charged day counted", Duration.ofSeconds(30), () -> "devices=2000 due=true charged=1".equals(row(instance))
                    ? Boolean.TRUE : null)).isTrue();

            // Taken away: off sale, and the instance goes on at the rate it last paid (R12).
            Files.delete(deployed);
            await("the option off sale", Duration.ofSeconds(60), () -> get(WITH_REPORTS, AT_ACME).statusCode() == 400 ? Boolean.TRUE : null);
            clock.shiftBy(Duration.ofDays(1));
            dailyRun.run(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
            List<JsonNode> charges = dailyCharges(email);
            assertThat(charges).hasSize(2);
            assertThat(new BigDecimal(charges.get(0).at("/amount/amount").asText())).isEqualByComparingTo(daily.negate());
            assertThat(charges.get(0).get("description").asText()).contains("R12", "device-reports");
            assertThat(reports).isLessThan(daily);
        } finally {
            clock.reset();
        }
    }

    /** The listener's row of the instance, or null while there is none. */
    private String row(String instance) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT expected_devices, reports_due, charged_days FROM device_report_instance WHERE instance_id = ?")) {
            select.setString(1, instance);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? "devices=" + row.getLong(1) + " due=" + row.getBoolean(2) + " charged=" + row.getInt(3) : null;
            }
        } catch (SQLException e) {
            return null; // the bundle's table is not there yet
        }
    }

    /** The customer's daily charges, newest first. */
    private List<JsonNode> dailyCharges(String email) {
        String token = signIn(email, PASSWORD, AT_ACME);
        List<JsonNode> charges = new ArrayList<>();
        json(get("/api/v1/account/ledger", bearer(token, AT_ACME))).get("entries").forEach(entry -> {
            if ("DAILY_CHARGE".equals(entry.get("type").asText())) {
                charges.add(entry);
            }
        });
        return charges;
    }

    /** A verified customer of Acme's, signed in. */
    private static String acmeCustomer(String email) {
        assertThat(post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "name", "Ada at Acme")), AT_ACME)
                .statusCode()).isEqualTo(202);
        String mail = awaitMail(email, "Confirm your e-mail address");
        Matcher link = Pattern.compile("https?://" + Pattern.quote(ACME_HOST) + "(/api/v1/auth/verify\\?token=[A-Za-z0-9_%-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        HttpResponse<String> verified = get(link.group(1), AT_ACME);
        assertThat(verified.statusCode()).isEqualTo(200);
        return signIn(email, PASSWORD, AT_ACME);
    }
}
