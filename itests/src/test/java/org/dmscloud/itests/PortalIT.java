package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The portal API over real HTTP against the distribution, mail through a real SMTP server read back over
 * IMAP: a customer's whole first session, tenant isolation on every endpoint that takes an id, and a
 * table of bad inputs, each answered with its 4xx and problem type.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends DmsCloudTestSupport {

    @Inject
    BalanceService balances;

    @Inject
    TenantAdministration tenantAdministration;

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        // So that a test sees the portal give up an answer nobody is left to read (logged at DEBUG, not as an incident).
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.problems.name", ProblemMapperLogger.NAME));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.problems.level", "DEBUG"));
        return options.toArray(Option[]::new);
    }

    /** The ProblemMapper's logger, named here because the test cannot see the rest bundle's private package. */
    private static final class ProblemMapperLogger {
        static final String NAME = "org.dmscloud.rest.internal.ProblemMapper";
    }

    @Test
    public void aNewCustomerRegistersVerifiesSignsInQuotesAndIsChargedForAnInstance() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        awaitHealthy();

        HttpResponse<String> registered = post("/api/v1/auth/register",
                json(Map.of("email", email, "password", "correct horse battery", "name", "Ada", "company", "Example Telecom")));
        assertThat(registered.statusCode()).isEqualTo(202);
        HttpResponse<String> early = post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", "correct horse battery")));
        assertThat(early.statusCode()).isEqualTo(401);

        String link = verificationLink(email);
        HttpResponse<String> verified = get(link);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Your email address is verified");

        String token = signIn(email, "correct horse battery");
        JsonNode account = json(get("/api/v1/account", bearer(token)));
        assertThat(account.at("/balance/amount").asText()).isEqualTo("0.00");
        assertThat(account.get("email").asText()).isEqualTo(email);
        balances.topUp(AccountId.parse(account.get("id").asText()), Money.of("100.00", "EUR"), "itest-" + UUID.randomUUID(), "Bank transfer");
        assertThat(await("the top-up mail", Duration.ofSeconds(30), () -> mailTo(email).size() == 2 ? mailTo(email) : null).get(1))
                .startsWith("We received your payment of 100.00 EUR");

        JsonNode price = json(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=usp"));
        assertThat(price.at("/total/amount").asText()).isEqualTo("23.00");
        JsonNode quote = json(post("/api/v1/quotes", json(Map.of("action", "CREATE", "packageId", "business", "expectedDevices", 2000,
                "optionIds", List.of("usp"), "enabled", true)), bearer(token)));
        assertThat(quote.get("kind").asText()).isEqualTo("CHARGE");
        assertThat(quote.at("/dailyRate/total/amount").asText()).isEqualTo("23.00");
        assertThat(quote.at("/dailyRate/components")).hasSize(3);

        String key = UUID.randomUUID().toString();
        String create = json(Map.of("name", "My ACS", "packageId", "business", "expectedDevices", 2000, "optionIds", List.of("usp"),
                "enabled", true));
        HttpResponse<String> created = post("/api/v1/instances", create, bearer(token, "Idempotency-Key", key));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode change = json(created);
        String instanceId = change.at("/instance/id").asText();
        assertThat(change.at("/instance/state").asText()).isEqualTo("ENABLED");
        assertThat(change.at("/ledgerEntry/type").asText()).isEqualTo("PRORATED_CHARGE");
        assertThat(change.at("/ledgerEntry/amount/amount").asText()).startsWith("-");

        HttpResponse<String> retried = post("/api/v1/instances", create, bearer(token, "Idempotency-Key", key));
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retried).at("/instance/id").asText()).isEqualTo(instanceId);

        JsonNode ledger = json(get("/api/v1/account/ledger", bearer(token)));
        assertThat(ledger.get("entries")).hasSize(2);
        assertThat(ledger.at("/entries/0/type").asText()).isEqualTo("PRORATED_CHARGE");
        assertThat(ledger.at("/entries/0/instanceId").asText()).isEqualTo(instanceId);
        assertThat(ledger.at("/entries/0/createdAt").asText()).endsWith("Z");
        assertThat(ledger.at("/entries/1/type").asText()).isEqualTo("TOP_UP");
        JsonNode instances = json(get("/api/v1/instances", bearer(token)));
        assertThat(instances).hasSize(1);

        assertThat(post("/api/v1/auth/sign-out", "", bearer(token)).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/account", bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    public void everyEndpointAnswersAnotherAccountsInstanceWith404AndChangesNothing() throws Exception {
        awaitHealthy();
        String owner = signedUp("owner-" + UUID.randomUUID() + "@example.com");
        String ownerAccount = json(get("/api/v1/account", bearer(owner))).get("id").asText();
        String adjusted = executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key welcome-" + ownerAccount + " "
                + ownerAccount + " 100.00");
        assertThat(adjusted).contains("balance now 100.00 EUR");
        assertThat(json(get("/api/v1/account", bearer(owner))).at("/balance/amount").asText()).isEqualTo("100.00");
        String instance = json(post("/api/v1/instances", json(Map.of("name", "Owned", "packageId", "starter", "expectedDevices", 100,
                "enabled", true)), bearer(owner))).at("/instance/id").asText();
        String before = get("/api/v1/instances/" + instance, bearer(owner)).body();
        String ledgerBefore = get("/api/v1/account/ledger", bearer(owner)).body();

        String stranger = signedUp("stranger-" + UUID.randomUUID() + "@example.com");
        String settings = json(Map.of("packageId", "starter", "expectedDevices", 900));
        List<HttpResponse<String>> attempts = List.of(
                get("/api/v1/instances/" + instance, bearer(stranger)),
                put("/api/v1/instances/" + instance + "/settings", settings, bearer(stranger)),
                post("/api/v1/instances/" + instance + "/enable", "", bearer(stranger)),
                post("/api/v1/instances/" + instance + "/disable", "", bearer(stranger)),
                delete("/api/v1/instances/" + instance, bearer(stranger)),
                post("/api/v1/quotes", json(Map.of("action", "ENABLE", "instanceId", instance)), bearer(stranger)),
                post("/api/v1/quotes", json(Map.of("action", "DELETE", "instanceId", instance)), bearer(stranger)),
                post("/api/v1/quotes", json(Map.of("action", "CHANGE_SETTINGS", "instanceId", instance, "packageId", "starter",
                        "expectedDevices", 900)), bearer(stranger)),
                get("/api/v1/instances/" + instance + "/deployment", bearer(stranger)),
                get("/api/v1/instances/" + instance + "/acs", bearer(stranger)),
                post("/api/v1/instances/" + instance + "/acs/credentials", "", bearer(stranger)),
                get("/api/v1/instances/" + instance + "/acs/devices", bearer(stranger)),
                get("/api/v1/instances/" + instance + "/acs/devices/" + UUID.randomUUID() + "/tasks", bearer(stranger)),
                post("/api/v1/instances/" + instance + "/acs/devices/" + UUID.randomUUID() + "/tasks", json(Map.of("kind", "REBOOT")),
                        bearer(stranger)));

        for (HttpResponse<String> attempt : attempts) {
            assertThat(attempt.statusCode()).as("%s %s", attempt.request().method(), attempt.uri()).isEqualTo(404);
            assertThat(json(attempt).get("type").asText()).isEqualTo("https://dmscloud.org/problems/not-found");
        }
        assertThat(json(get("/api/v1/instances", bearer(stranger)))).isEmpty();
        assertThat(get("/api/v1/instances/" + instance, bearer(owner)).body()).isEqualTo(before);
        assertThat(get("/api/v1/account/ledger", bearer(owner)).body()).isEqualTo(ledgerBefore);
    }

    @Test
    public void badInputsAnswerTheirStatusAndProblemType() throws Exception {
        awaitHealthy();
        String token = signedUp("inputs-" + UUID.randomUUID() + "@example.com");
        String instance = json(post("/api/v1/instances", json(Map.of("name", "Disabled", "packageId", "starter", "expectedDevices", 100,
                "enabled", false)), bearer(token))).at("/instance/id").asText();
        String valid = "{\"name\":\"x\",\"packageId\":\"starter\",\"expectedDevices\":100,\"enabled\":true}";

        record Case(String name, HttpResponse<String> response, int status, String type) {
        }
        List<Case> cases = List.of(
                new Case("malformed JSON", post("/api/v1/instances", "{bad", bearer(token)), 400, "bad-request"),
                new Case("wrong type", post("/api/v1/instances", valid.replace("100", "\"many\""), bearer(token)), 400, "validation"),
                new Case("huge number", post("/api/v1/instances", valid.replace("100", "99999999999999999999999"), bearer(token)), 400, "validation"),
                new Case("negative devices", post("/api/v1/instances", valid.replace("100", "-5"), bearer(token)), 400, "validation"),
                new Case("unknown option", post("/api/v1/instances", valid.replace("\"enabled\"", "\"optionIds\":[\"nope\"],\"enabled\""),
                        bearer(token)), 400, "validation"),
                new Case("unknown package", post("/api/v1/instances", valid.replace("starter", "gold"), bearer(token)), 400, "validation"),
                new Case("devices out of range", post("/api/v1/instances", valid.replace("100", "5000"), bearer(token)), 400, "validation"),
                new Case("unknown field", post("/api/v1/instances", valid.replace("}", ",\"extra\":1}"), bearer(token)), 400, "validation"),
                new Case("missing fields", post("/api/v1/instances", "{}", bearer(token)), 400, "validation"),
                new Case("oversized body", post("/api/v1/instances", "{\"name\":\"" + "x".repeat(100_000) + "\"}", bearer(token)), 413,
                        "payload-too-large"),
                new Case("not JSON", send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/instances")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")).build()), 415,
                        "unsupported-media-type"),
                new Case("short balance", post("/api/v1/instances", valid, bearer(token)), 402, "insufficient-funds"),
                new Case("short balance to enable", post("/api/v1/instances/" + instance + "/enable", "", bearer(token)), 402, "insufficient-funds"),
                new Case("malformed id", get("/api/v1/instances/not-an-id", bearer(token)), 404, "not-found"),
                new Case("unknown id", get("/api/v1/instances/" + UUID.randomUUID(), bearer(token)), 404, "not-found"),
                new Case("bad page size", get("/api/v1/account/ledger?limit=abc", bearer(token)), 400, "validation"),
                new Case("unknown quote action", post("/api/v1/quotes", "{\"action\":\"STEAL\"}", bearer(token)), 400, "validation"),
                new Case("stale quote", post("/api/v1/instances/" + instance + "/enable?quoteId=" + UUID.randomUUID(), "", bearer(token)), 409,
                        "quote-mismatch"),
                new Case("no token", get("/api/v1/instances"), 401, "unauthenticated"),
                new Case("made-up token", get("/api/v1/instances", bearer("made-up")), 401, "unauthenticated"),
                new Case("wrong password", post("/api/v1/auth/sign-in", json(Map.of("email", "nobody@example.com", "password", "x")), new String[0]),
                        401, "sign-in-refused"),
                new Case("bad registration", post("/api/v1/auth/register", json(Map.of("email", "nope", "password", "short", "name", "")),
                        new String[0]), 400, "validation"),
                new Case("bad verification token", post("/api/v1/auth/verify", json(Map.of("token", "made-up")), new String[0]), 400,
                        "invalid-token"),
                new Case("wrong method", delete("/api/v1/catalog"), 405, "method-not-allowed"),
                new Case("price of nothing", get("/api/v1/catalog/price"), 400, "validation"),
                new Case("price in a currency not sold", get("/api/v1/catalog/price?packageId=starter&expectedDevices=10&currency=JPY"), 400,
                        "validation"),
                new Case("no such address", get("/api/v1/nothing-here"), 404, "not-found"));

        for (Case bad : cases) {
            assertThat(bad.response().statusCode()).as(bad.name()).isEqualTo(bad.status());
            assertThat(bad.response().headers().firstValue("Content-Type")).as(bad.name()).hasValue("application/problem+json");
            assertThat(json(bad.response()).get("type").asText()).as(bad.name()).isEqualTo("https://dmscloud.org/problems/" + bad.type());
            assertThat(bad.response().body()).as(bad.name()).doesNotContain("Exception").doesNotContain("at org.");
        }
        JsonNode funds = json(cases.stream().filter(c -> c.name().equals("short balance")).findFirst().orElseThrow().response());
        assertThat(funds.at("/needed/currency").asText()).isEqualTo("EUR");
        assertThat(funds.at("/balance/amount").asText()).isEqualTo("0.00");
    }

    /**
     * What a careless client or a prober sends is a 4xx naming the field, never a 500 and never a value it
     * did not mean; and the refused requests changed nothing.
     */
    @Test
    public void carelessInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        awaitHealthy();
        String token = signedUp("careless-" + UUID.randomUUID() + "@example.com");
        String account = json(get("/api/v1/account", bearer(token))).get("id").asText();
        executeCommand("dms:balance-adjust --reason \"Test credit\" --key careless-" + account + " " + account + " 100.00");
        String valid = "{\"name\":\"x\",\"packageId\":\"starter\",\"expectedDevices\":100,\"enabled\":true}";

        record Case(String name, HttpResponse<String> response, String field) {
        }
        List<Case> cases = List.of(
                new Case("enabled as a number", post("/api/v1/instances", valid.replace("true", "123"), bearer(token)), "enabled"),
                new Case("name as a number", post("/api/v1/instances", valid.replace("\"x\"", "123"), bearer(token)), "name"),
                new Case("devices as text", post("/api/v1/instances", valid.replace("100", "\"100\""), bearer(token)), "expectedDevices"),
                new Case("a field twice", post("/api/v1/instances", valid.replace("\"enabled\":true", "\"enabled\":false,\"enabled\":true"),
                        bearer(token)), "enabled"),
                new Case("an option twice", post("/api/v1/instances", valid.replace("\"enabled\"", "\"optionIds\":[\"usp\",\"usp\"],\"enabled\""),
                        bearer(token)), "optionIds"),
                new Case("NUL in a name", post("/api/v1/instances", valid.replace("\"x\"", "\"A\\u0000B\""), bearer(token)), "name"),
                new Case("bidi override in a name", post("/api/v1/instances", valid.replace("\"x\"", "\"\\u202Eexe.acs\""), bearer(token)), "name"),
                new Case("idempotency key too long", post("/api/v1/instances", valid, bearer(token, "Idempotency-Key", "k".repeat(201))),
                        "Idempotency-Key"),
                new Case("page size past an int", get("/api/v1/account/ledger?limit=4294967295", bearer(token)), "limit"),
                new Case("amount 1e30", topUp(token, "\"1e30\""), "amount"),
                new Case("amount beyond a long", topUp(token, "\"99999999999999999999999.99\""), "amount"),
                new Case("amount 2^63 cents", topUp(token, "\"92233720368547758.08\""), "amount"),
                new Case("amount as a JSON number", topUp(token, "1e30"), "amount.amount"),
                new Case("amount as 2^63", topUp(token, "9223372036854775808"), "amount.amount"),
                new Case("a common password", post("/api/v1/auth/register", json(Map.of("email", "weak-" + UUID.randomUUID() + "@example.com",
                        "password", "1234567890", "name", "Weak")), new String[0]), "password"));

        for (Case bad : cases) {
            assertThat(bad.response().statusCode()).as(bad.name() + ": " + bad.response().body()).isEqualTo(400);
            assertThat(bad.response().headers().firstValue("Content-Type")).as(bad.name()).hasValue("application/problem+json");
            assertThat(json(bad.response()).at("/errors/0/field").asText()).as(bad.name() + ": " + bad.response().body()).isEqualTo(bad.field());
        }
        assertThat(json(cases.get(cases.size() - 1).response()).at("/errors/0/message").asText()).contains("top-100 common password");
        assertThat(json(get("/api/v1/instances", bearer(token)))).as("nothing was created").isEmpty();
        assertThat(json(get("/api/v1/account", bearer(token))).at("/balance/amount").asText()).isEqualTo("100.00");
        assertThat(json(get("/api/v1/account/top-ups", bearer(token)))).as("no top-up was started").isEmpty();

        // Found by the API fuzz test: a NUL in a path is refused by Jetty before any servlet, and was an HTML page of Jetty's own.
        for (String malformed : List.of("/api/v1/instances/%00", "/api/v1/account/top-ups/%2e%2e%2f", "/api/v1/instances/a%2Fb")) {
            HttpResponse<String> answer = get(malformed, bearer(token));
            assertThat(answer.statusCode()).as(malformed).isBetween(400, 404);
            assertThat(answer.headers().firstValue("Content-Type")).as(malformed).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(answer).path("status").asInt()).as(malformed).isEqualTo(answer.statusCode());
        }

        // The password-reset page's form, posted without its fields or as no form at all: a page saying what is wrong.
        for (String contentType : new String[] { "application/x-www-form-urlencoded", null, "*/*" }) {
            HttpRequest.Builder form = HttpRequest.newBuilder(uri("/api/v1/auth/password-reset"))
                    .POST(HttpRequest.BodyPublishers.ofString("newPassword=correct+horse+battery"));
            if (contentType != null) {
                form.header("Content-Type", contentType);
            }
            HttpResponse<String> answer = send(form.build());
            assertThat(answer.statusCode()).as("password-reset form as %s: %s", contentType, answer.body()).isBetween(400, 499);
            assertThat(answer.body()).as(String.valueOf(contentType)).doesNotContain("Exception");
        }
    }

    /** What a browser or a cache in between may do with the answers, and CXF's WADL. */
    @Test
    public void answersCarrySecurityHeadersAndTheApiDoesNotDescribeItselfInWadl() {
        awaitHealthy();
        String email = "headers-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);

        List<HttpResponse<String>> everything = List.of(get("/api/v1/health"), get("/api/v1/catalog"), get("/docs/index.html"),
                get("/api/v1/nothing-here"), get("/api/v1/account", bearer(token)), get("/api/v1/account"),
                post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", "correct horse battery"))));
        for (HttpResponse<String> answer : everything) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("%s", answer.uri()).hasValue("nosniff");
        }
        HttpResponse<String> signIn = everything.get(everything.size() - 1);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        for (HttpResponse<String> signedIn : List.of(get("/api/v1/account", bearer(token)), get("/api/v1/instances", bearer(token)),
                get("/api/v1/account/ledger", bearer(token)), get("/api/v1/account/top-ups", bearer(token)))) {
            assertThat(signedIn.statusCode()).as("%s", signedIn.uri()).isEqualTo(200);
            assertThat(signedIn.headers().firstValue("Cache-Control")).as("%s", signedIn.uri()).hasValue("no-store");
        }
        for (String wadl : List.of("/api/v1/?_wadl", "/api/v1/instances?_wadl", "/api/v1/catalog?_wadl&_type=json", "/api/v1/auth/sign-in?_wadl")) {
            HttpResponse<String> answer = get(wadl);
            assertThat(answer.statusCode()).as(wadl).isEqualTo(404);
            assertThat(answer.body()).as(wadl).doesNotContain("<application").doesNotContain("resources base");
            assertThat(answer.headers().firstValue("Content-Type")).as(wadl).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    /**
     * A reseller's customers reach it at its own host; the same address registers at both tenants as two
     * people; a session works only at its own tenant's host; a disabled tenant's portal is closed.
     */
    @Test
    public void eachTenantHasItsOwnCustomersAtItsOwnHostAndSessionsStayAtTheirs() throws Exception {
        awaitHealthy();
        String acmeHost = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".dms.example";
        TenantId acme = new TenantId("acme-" + acmeHost.substring(5, 13));
        tenantAdministration.create(acme, new TenantSettings("Acme", List.of(acmeHost), Optional.of(new Brand("Acme DMS",
                "support@acme.example", "noreply@acme.example", "https://" + acmeHost)), Currency.getInstance("USD"), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false), "itest");
        String[] atAcme = { "Host", acmeHost };
        String email = "twice-" + UUID.randomUUID() + "@example.com";

        String platformToken = signedUp(email);
        assertThat(post("/api/v1/auth/register", json(Map.of("email", email, "password", "violet quarry lantern", "name", "Twice at Acme")),
                atAcme).statusCode()).isEqualTo(202);
        String link = await("the second verification mail", Duration.ofSeconds(60), () -> {
            List<String> confirmations = mailTo(email).stream().filter(m -> m.startsWith("Confirm your email address")).toList();
            return confirmations.size() < 2 ? null : confirmations.get(1);
        });
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_%-]+)").matcher(link);
        assertThat(token.find()).isTrue();
        String verify = "/verify?token=" + token.group(1);
        assertThat(get(verify).statusCode()).as("Acme's link at the platform's host").isEqualTo(400);
        assertThat(get(verify, atAcme).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", "violet quarry lantern")), atAcme);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String acmeToken = json(signedIn).get("token").asText();

        JsonNode acmeAccount = json(get("/api/v1/account", bearer(acmeToken, "Host", acmeHost)));
        JsonNode platformAccount = json(get("/api/v1/account", bearer(platformToken)));
        assertThat(acmeAccount.get("id").asText()).isNotEqualTo(platformAccount.get("id").asText());
        assertThat(acmeAccount.at("/balance/currency").asText()).isEqualTo("USD");
        assertThat(platformAccount.at("/balance/currency").asText()).isEqualTo("EUR");
        for (String path : List.of("/api/v1/account", "/api/v1/instances", "/api/v1/account/ledger", "/api/v1/account/top-ups")) {
            assertThat(get(path, bearer(acmeToken)).statusCode()).as("Acme's session at the platform's host: %s", path).isEqualTo(401);
            assertThat(get(path, bearer(platformToken, "Host", acmeHost)).statusCode()).as("the platform's session at Acme's: %s", path)
                    .isEqualTo(401);
        }
        assertThat(post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", "violet quarry lantern"))).statusCode())
                .as("Acme's password at the platform's host").isEqualTo(401);

        tenantAdministration.setStatus(acme, TenantStatus.DISABLED, "itest", "itest");
        HttpResponse<String> closed = await("Acme's portal closed", Duration.ofSeconds(30), () -> {
            HttpResponse<String> answer = get("/api/v1/catalog", atAcme);
            return answer.statusCode() == 503 ? answer : null;
        });
        assertThat(json(closed).get("type").asText()).endsWith("/portal-closed");
        HttpResponse<String> page = get("/api/v1/account", "Host", acmeHost, "Accept", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Portal closed</h1>", "contact the company that sold you its service");
        assertThat(get("/api/v1/catalog").statusCode()).as("the platform's portal").isEqualTo(200);
        assertThat(get("/api/v1/health", atAcme).statusCode()).as("health is the platform's").isEqualTo(200);
    }

    /** A client that leaves before its answer is written is no incident of ours. */
    @Test
    public void aClientThatDisconnectsMidAnswerIsNotLoggedAsAnError() throws Exception {
        awaitHealthy();
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        long logBefore = Files.size(log);
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/api/v1/openapi.json", "/api/v1/catalog")) {
                try (Socket socket = new Socket("localhost", uri("/").getPort())) {
                    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    socket.setSoLinger(true, 0); // closes with a reset, before the answer is written
                }
            }
        }
        await("the portal to give up an answer nobody was left to read", Duration.ofSeconds(60),
                () -> since(log, logBefore).contains("The client closed the connection before its answer was written") ? Boolean.TRUE : null);

        assertThat(since(log, logBefore).lines().filter(line -> line.contains("| ERROR |") || line.contains("| WARN  |")))
                .as("errors and warnings logged meanwhile").isEmpty();
    }

    private static String since(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return all.length > offset ? new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> topUp(String token, String amount) {
        return post("/api/v1/account/top-ups", "{\"provider\":\"bank-transfer\",\"amount\":{\"amount\":" + amount
                + ",\"currency\":\"EUR\"},\"billingDetails\":{\"name\":\"Ada\",\"address\":\"Street 1\",\"country\":\"DE\"}}", bearer(token));
    }
}
