package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The portal over real HTTP against the distribution, mail through a real SMTP server read back over IMAP, both
 * payment providers configured (Stripe's stand-in): through the API, a customer's whole first session, tenant
 * isolation on every endpoint that takes an id, and a table of bad inputs, each answered with its 4xx and problem
 * type; through the web pages as a browser's requests reach them, the landing page at each tenant's host, in its
 * brand, with its catalog and prices, the price calculator against the API's own price, the Contact Us form with its
 * protection against forged posts, the customer's pages and forms, and the headers every page carries. One
 * distribution serves both, booted once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends DmsCloudTestSupport {

    /** The reseller whose pages the web tests visit. */
    private static final String ACME_HOST = "www.acme-web.example";
    private static final String[] AT_ACME = { "Host", ACME_HOST };
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern DAILY_RATE = Pattern.compile("id=\"daily-rate\">€([0-9,]+\\.[0-9]{2})<");

    @Inject
    BalanceService balances;

    @Inject
    TenantAdministration tenantAdministration;

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        withPaymentProviders(options, TestStripe.start(uri("/api/v1/payments/stripe/webhook")));
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
        List<HttpResponse<String>> attempts = everyInstanceRequest(instance, bearer(stranger));

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

    @Test
    public void eachTenantsLandingPageShowsItsBrandCatalogAndPricesAndTakesContactMessages() throws Exception {
        awaitHealthy();
        executeCommand("dms:tenant-create --name \"Acme Web\" --host " + ACME_HOST + " --brand \"Acme Web DMS\" --support support@acme-web.example "
                + "--mail-from noreply@acme-web.example --portal-url https://" + ACME_HOST + " --catalog business,usp --markup 20 acmeweb");
        HttpResponse<String> acme = await("Acme's landing page", Duration.ofSeconds(30), () -> {
            HttpResponse<String> page = get("/", AT_ACME);
            return page.statusCode() == 200 && page.body().contains("Acme Web DMS") ? page : null;
        });
        HttpResponse<String> platform = get("/");

        assertThat(platform.statusCode()).isEqualTo(200);
        assertThat(platform.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(platform.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(platform.body()).contains("<title>DMS Cloud: your device management server in the cloud</title>", "Starter", "Business",
                "Enterprise", "Firmware management").doesNotContain("Acme");
        assertThat(acme.body()).contains("<title>Acme Web DMS: your device management server in the cloud</title>", "Business",
                "TR-369 / USP support").doesNotContain("Starter").doesNotContain("Firmware management").doesNotContain("DMS Cloud");

        // The calculator's daily rate is the API's, at each tenant's prices.
        for (String[] host : List.of(new String[0], AT_ACME)) {
            JsonNode price = json(get("/api/v1/catalog/price?packageId=business&expectedDevices=2000&optionIds=usp", host));
            Matcher rate = DAILY_RATE.matcher(get("/?package=business&devices=2000&option=usp", host).body());
            assertThat(rate.find()).isTrue();
            assertThat(new BigDecimal(rate.group(1).replace(",", ""))).isEqualByComparingTo(new BigDecimal(price.at("/total/amount").asText()));
        }
        String refused = get("/?package=starter&devices=100", AT_ACME).body();
        assertThat(refused).contains("Choose one of the packages.").doesNotContain("id=\"daily-rate\"");
        assertThat(get("/?package=business&devices=12", AT_ACME).body()).as("too few devices for the package")
                .contains("aria-invalid=\"true\"").doesNotContain("id=\"daily-rate\"");

        // Contact Us: a post without the form's token is refused; with it, the message reaches Acme's support.
        List<String> message = new ArrayList<>(List.of("name", "Carol", "email", "carol@example.com", "company", "", "topic", "sales", "message",
                "Do you sell 30k devices?"));
        assertThat(postForm("/contact", message, AT_ACME).statusCode()).isEqualTo(403);
        String cookie = acme.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        String token = token(acme.body());
        String[] browser = { "Host", ACME_HOST, "Cookie", cookie.substring(0, cookie.indexOf(';')) };
        List<String> forged = new ArrayList<>(message);
        forged.addAll(List.of("csrf", token.substring(1) + "A"));
        assertThat(postForm("/contact", forged, browser).statusCode()).as("a token that is not the cookie's").isEqualTo(403);
        List<String> badEmail = new ArrayList<>(message);
        badEmail.set(3, "not an address");
        badEmail.addAll(List.of("csrf", token));
        HttpResponse<String> corrected = postForm("/contact", badEmail, browser);
        assertThat(corrected.statusCode()).isEqualTo(400);
        assertThat(corrected.body()).contains("value=\"not an address\"", "aria-invalid=\"true\"", "Do you sell 30k devices?");
        assertThat(corrected.body()).as("the errors summed up at the form, which the address's fragment leads to").contains(
                "action=\"/contact#contact-errors\"", "id=\"contact-errors\" role=\"alert\"", "href=\"#contact-email\"");
        message.addAll(List.of("csrf", token));
        HttpResponse<String> sent = postForm("/contact", message, browser);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("We have your message and will answer at carol@example.com.");
        assertThat(awaitMail("support@acme-web.example", "Contact Us (Sales): Carol")).contains("Do you sell 30k devices?");

        // Any other address is the portal's own 404 page; the style sheet is the platform's, at every host.
        HttpResponse<String> missing = get("/no-such-page", "Host", ACME_HOST, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Acme Web DMS");
        // A client that is no browser (an API client whose path strayed out of /api/v1) reads a problem, as from the API.
        HttpResponse<String> strayed = get("/api/etc/passwd", AT_ACME);
        assertThat(strayed.statusCode()).isEqualTo(404);
        assertThat(strayed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(strayed).get("status").asInt()).isEqualTo(404);
        assertThat(postForm("/api/etc/passwd", List.of("a", "b"), AT_ACME).statusCode()).as("a post where no form is: 404, not 403").isEqualTo(404);
        assertThat(rawStatus("GET /?package=%zz HTTP/1.1\r\nHost: " + ACME_HOST + "\r\nConnection: close\r\n\r\n"))
                .as("a query that cannot be decoded (no Java client sends one)").isEqualTo(400);
        assertThat(send(request("/contact", AT_ACME).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=%zz")).build()).statusCode()).as("nor a form").isEqualTo(400);
        for (String method : List.of("GET", "PUT", "POST", "DELETE")) { // as the API fuzzer sends them: out of /api/v1 once decoded
            HttpResponse<String> traversal = send(request("/api/v1/instances/..%2F..%2Fetc%2Fpasswd/settings")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(traversal.statusCode()).as(method).isBetween(400, 499);
            assertThat(traversal.headers().firstValue("Content-Type").orElse("")).as(method).startsWith("application/problem+json");
        }
        HttpResponse<String> put = send(request("/account", AT_ACME).PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(send(request("/", AT_ACME).method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode())
                .as("TRACE would echo the cookies").isEqualTo(405);
        HttpResponse<String> css = get("/static/portal.css", AT_ACME);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    public void aVisitorRegistersVerifiesSignsInReadsTheAccountPageAndSignsOut() {
        awaitHealthy();
        String email = "web-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> form = get("/register");
        assertThat(form.statusCode()).isEqualTo(200);
        String formCookie = cookie(form, "dms-form");
        String csrf = token(form.body());
        List<String> registration = List.of("name", "Wendy", "email", email, "company", "Wendy Telecom", "password", "violet quarry lantern");
        assertThat(postForm("/register", registration).statusCode()).as("no form token").isEqualTo(403);

        List<String> weak = new ArrayList<>(List.of("name", "Wendy", "email", email, "company", "", "password", "password123", "csrf", csrf));
        HttpResponse<String> refused = postForm("/register", weak, "Cookie", formCookie);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("too easy to guess", "value=\"" + email + "\"").doesNotContain("password123");

        List<String> good = new ArrayList<>(registration);
        good.addAll(List.of("csrf", csrf));
        HttpResponse<String> registered = postForm("/register", good, "Cookie", formCookie);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("We sent a link to " + email, "action=\"/verification/resend\"");
        assertThat(postForm("/verification/resend", List.of("email", email, "csrf", csrf), "Cookie", formCookie).statusCode()).isEqualTo(200);
        String link = await("two verification mails", Duration.ofSeconds(60), () -> {
            List<String> mails = mailTo(email).stream().filter(m -> m.startsWith("Confirm your email address")).toList();
            return mails.size() < 2 ? null : mails.get(1);
        });
        Matcher verify = Pattern.compile("http://localhost:8181(/verify\\?token=[A-Za-z0-9_%-]+)").matcher(link);
        assertThat(verify.find()).as(link).isTrue();

        HttpResponse<String> oldLink = get("/api/v1/auth/verify?token=" + verify.group(1).substring("/verify?token=".length()));
        assertThat(oldLink.statusCode()).as("a link of a mail sent before the portal's pages").isEqualTo(303);
        assertThat(oldLink.headers().firstValue("Location")).contains(verify.group(1));
        assertThat(get("/api/v1/auth/password-reset?token=a%2Bb").headers().firstValue("Location")).contains("/password-reset?token=a%2Bb");
        HttpResponse<String> bogus = get("/verify?token=made-up");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("This link does not work", "href=\"/register\"");
        HttpResponse<String> verified = get(verify.group(1));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Your email address is verified.", "value=\"" + email + "\"");
        assertThat(get(verify.group(1)).statusCode()).as("a link works once").isEqualTo(400);

        assertThat(get("/account").headers().firstValue("Location")).as("signed out").contains("/sign-in?next=%2Faccount");
        HttpResponse<String> wrong = postForm("/sign-in", List.of("email", email, "password", "not the password", "next", "/account", "csrf", csrf),
                "Cookie", formCookie);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The email address or the password is not right.");
        HttpResponse<String> offSite = postForm("/sign-in", List.of("email", email, "password", "violet quarry lantern", "next", "//evil.example/",
                "csrf", csrf), "Cookie", formCookie);
        assertThat(offSite.statusCode()).isEqualTo(303);
        assertThat(offSite.headers().firstValue("Location")).as("never on to another site").contains("/account");
        String setCookie = offSite.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dms-session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=");
        String session = setCookie.substring(0, setCookie.indexOf(';'));
        String browser = formCookie + "; " + session;

        // The account page: the balance, what it covers, the ledger; the same session is the API's bearer token.
        String bearerToken = session.substring("dms-session=".length());
        JsonNode account = json(get("/api/v1/account", bearer(bearerToken)));
        executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key web-" + UUID.randomUUID() + " " + account.get("id").asText() + " 100.00");
        assertThat(post("/api/v1/instances", json(java.util.Map.of("name", "Web ACS", "packageId", "business", "expectedDevices", 1000,
                "enabled", true)), bearer(bearerToken)).statusCode()).isEqualTo(201);
        HttpResponse<String> page = get("/account", "Cookie", browser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).as("the operator who credited it is not the customer's business").doesNotContain("Welcome credit (by ");
        assertThat(page.body()).contains("Wendy", email, "Welcome credit", "your balance covers", "Sign out (Wendy)", "How the rate is made up");
        JsonNode after = json(get("/api/v1/account", bearer(bearerToken)));
        assertThat(page.body()).contains("id=\"balance\">€" + after.at("/balance/amount").asText() + "<");

        // The password changes with the current one; other sessions end, this one stays.
        String otherSession = signIn(email, "violet quarry lantern");
        HttpResponse<String> notCurrent = postForm("/account/password", List.of("currentPassword", "guess", "newPassword", "amber tundra willow",
                "csrf", csrf), "Cookie", browser);
        assertThat(notCurrent.statusCode()).isEqualTo(400);
        assertThat(notCurrent.body()).contains("This is not your current password.");
        HttpResponse<String> changed = postForm("/account/password", List.of("currentPassword", "violet quarry lantern", "newPassword",
                "amber tundra willow", "csrf", csrf), "Cookie", browser);
        assertThat(changed.headers().firstValue("Location")).contains("/account?done=password");
        assertThat(get("/account?done=password", "Cookie", browser).body()).contains("Your new password is set.");
        assertThat(get("/api/v1/account", bearer(otherSession)).statusCode()).as("the other session ended").isEqualTo(401);

        // Another tenant's host does not know this session.
        executeCommand("dms:tenant-create --name \"Other Web\" --host www.other-web.example --brand \"Other Web DMS\" --support support@other-web.example "
                + "--mail-from noreply@other-web.example --portal-url https://www.other-web.example othrweb");
        HttpResponse<String> elsewhere = await("the other tenant's portal", Duration.ofSeconds(30), () -> {
            HttpResponse<String> answer = get("/account", "Host", "www.other-web.example", "Cookie", browser);
            return answer.statusCode() == 303 ? answer : null;
        });
        assertThat(elsewhere.headers().firstValue("Location")).contains("/sign-in?next=%2Faccount");

        HttpResponse<String> signedOut = postForm("/sign-out", List.of("csrf", csrf), "Cookie", browser);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dms-session=;") && c.contains("Max-Age=0"));
        assertThat(get("/account", "Cookie", browser).statusCode()).as("the session ended").isEqualTo(303);
        assertThat(get("/api/v1/account", bearer(bearerToken)).statusCode()).as("for the API too").isEqualTo(401);
    }

    @Test
    public void theUpdateAccountBalanceFormTopsUpByCardOnStripesPageAndByBankTransferDownToTheInvoice() throws Exception {
        awaitHealthy();
        String email = "payer-" + UUID.randomUUID() + "@example.com";
        String session = "dms-session=" + signedUp(email); // the API's session is the portal's
        HttpResponse<String> account = get("/account", "Cookie", session);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Update Account Balance", "value=\"stripe\"", "value=\"bank-transfer\"");
        String browser = session + "; " + cookie(account, "dms-form");
        String csrf = token(account.body());

        HttpResponse<String> notAnAmount = postForm("/account/top-ups", List.of("amount", "fifty", "provider", "stripe", "csrf", csrf), "Cookie", browser);
        assertThat(notAnAmount.statusCode()).isEqualTo(400);
        assertThat(notAnAmount.body()).contains("Enter the amount in EUR as a number such as 50.00.", "value=\"fifty\"");
        HttpResponse<String> tooLittle = postForm("/account/top-ups", List.of("amount", "0.50", "provider", "stripe", "csrf", csrf), "Cookie", browser);
        assertThat(tooLittle.statusCode()).isEqualTo(400);
        assertThat(tooLittle.body()).as("the limits in the page's money format").contains("Top up between €").doesNotContain(" EUR and ");

        // By card: on to Stripe's page (the stand-in's), paid there, back to the top-up's page, credited.
        HttpResponse<String> toStripe = postForm("/account/top-ups", List.of("amount", "50", "provider", "stripe", "requestKey", UUID.randomUUID().toString(),
                "csrf", csrf), "Cookie", browser);
        assertThat(toStripe.statusCode()).isEqualTo(303);
        String going = get(toStripe.headers().firstValue("Location").orElseThrow(), "Cookie", browser).body();
        Matcher onward = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">").matcher(going);
        assertThat(onward.find()).as("the top-up's page sends the browser on to Stripe's: " + going).isTrue();
        URI paymentPage = URI.create(onward.group(1).replace("&amp;", "&"));
        assertThat(send(HttpRequest.newBuilder(paymentPage).GET().build()).body()).contains("Pay 50.00 EUR");
        HttpResponse<String> paid = send(HttpRequest.newBuilder(paymentPage).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(paid.statusCode()).isEqualTo(303);
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith("http://localhost:8181/account/top-ups/").endsWith("?back=paid");
        String topUpPage = back.substring("http://localhost:8181".length());
        HttpResponse<String> credited = await("the card top-up credited", Duration.ofSeconds(30), () -> {
            HttpResponse<String> page = get(topUpPage, "Cookie", browser);
            return page.body().contains("Paid: on your balance") ? page : null;
        });
        assertThat(credited.body()).contains("€50.00").doesNotContain("http-equiv=\"refresh\"").doesNotContain("Cancel this top-up");
        assertThat(get("/account", "Cookie", browser).body()).contains("id=\"balance\">€50.00<", "Paid: on your balance",
                "Top-up by Card (Stripe), payment ");
        assertThat(get(topUpPage, "Cookie", "dms-session=" + signedUp("other-" + UUID.randomUUID() + "@example.com")).statusCode())
                .as("another customer's top-up").isEqualTo(404);

        // By bank transfer: the billing details are needed; then the page with the bank details and the invoice.
        HttpResponse<String> noDetails = postForm("/account/top-ups", List.of("amount", "500.00", "provider", "bank-transfer", "csrf", csrf), "Cookie", browser);
        assertThat(noDetails.statusCode()).isEqualTo(400);
        assertThat(noDetails.body()).contains("the name to address the invoice to", "Enter the country as its two-letter code");
        HttpResponse<String> invoiced = postForm("/account/top-ups", List.of("amount", "500.00", "provider", "bank-transfer", "billingDetails.name", "Payer",
                "billingDetails.company", "Payer Telecom", "billingDetails.address", "1 Main Street\nDublin", "billingDetails.country", "IE",
                "billingDetails.vatId", "", "requestKey", UUID.randomUUID().toString(), "csrf", csrf), "Cookie", browser);
        assertThat(invoiced.statusCode()).isEqualTo(303);
        String invoicePage = invoiced.headers().firstValue("Location").orElseThrow();
        assertThat(get(invoicePage, "Cookie", browser).body()).contains("Waiting for your payment", "We will email you an invoice for 500.00 EUR");
        String topUpId = invoicePage.substring(invoicePage.lastIndexOf('/') + 1);
        executeCommand("dms:invoice-issue " + topUpId); // the operator, told by mail, issues the invoice
        HttpResponse<String> transfer = get(invoicePage, "Cookie", browser);
        Matcher document = Pattern.compile("href=\"(/account/top-ups/[^\"]+/documents/[^\"]+)\"").matcher(transfer.body());
        assertThat(document.find()).as(transfer.body()).isTrue();
        HttpResponse<byte[]> pdf = sendForBytes(HttpRequest.newBuilder(uri(document.group(1))).header("Cookie", browser).GET().build());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(transfer.body()).as("the invoice is how to pay it now").contains("id=\"owed\">€500.00<", "Pay €500.00 by bank transfer as your invoice")
                .doesNotContain("We will email you an invoice");
        HttpResponse<String> cancelling = postForm(invoicePage + "/cancel", List.of("csrf", csrf), "Cookie", browser);
        assertThat(cancelling.statusCode()).as("an invoiced top-up is cancelled after a confirmation").isEqualTo(200);
        assertThat(cancelling.body()).contains("Cancelling tells us not to expect the other €500.00");
        assertThat(postForm(invoicePage + "/cancel", List.of("csrf", csrf, "step", "confirm"), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(invoicePage, "Cookie", browser).body()).contains("Cancelled").doesNotContain("Cancel this top-up");
    }

    @Test
    public void aCustomerCreatesChangesDisablesEnablesAndDeletesAnInstanceEachAfterItsQuote() throws Exception {
        awaitHealthy();
        String email = "instances-" + UUID.randomUUID() + "@example.com";
        String session = "dms-session=" + signedUp(email);
        JsonNode account = json(get("/api/v1/account", bearer(session.substring("dms-session=".length()))));
        executeCommand("dms:balance-adjust --reason \"Welcome credit\" --key web-" + UUID.randomUUID() + " " + account.get("id").asText() + " 100.00");
        HttpResponse<String> none = get("/instances", "Cookie", session);
        assertThat(none.body()).contains("You have no instance yet.");
        String browser = session + "; " + cookie(none, "dms-form");
        String csrf = token(none.body());
        HttpResponse<String> form = get("/instances/new", "Cookie", browser);
        assertThat(form.body()).contains("Create an instance", "name=\"requestKey\"");
        String key = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(form.body()).results().findFirst().orElseThrow().group(1);

        List<String> create = new ArrayList<>(List.of("name", "", "package", "business", "devices", "1000", "option", "usp", "enabled", "on",
                "requestKey", key, "step", "quote", "csrf", csrf));
        HttpResponse<String> unnamed = postForm("/instances/new", create, "Cookie", browser);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("Enter a name of at most 100 characters.");
        create.set(1, "Web\u202eSCA");
        assertThat(postForm("/instances/new", create, "Cookie", browser).statusCode()).as("an invisible text-direction control, as the API refuses")
                .isEqualTo(400);
        create.set(1, "Web ACS");
        HttpResponse<String> quoted = postForm("/instances/new", create, "Cookie", browser);
        assertThat(quoted.statusCode()).isEqualTo(200);
        assertThat(quoted.body()).contains("Confirm the new instance", "This charges €", "billing rule R6: a new instance is charged for the rest of the day", "id=\"daily-rate\">€19.00<", "name=\"quoteId\"");
        assertThat(json(get("/api/v1/account", bearer(session.substring("dms-session=".length())))).at("/balance/amount").asText())
                .as("nothing charged before the confirmation").isEqualTo("100.00");
        HttpResponse<String> created = postForm("/instances/new", confirmation(quoted.body(), csrf), "Cookie", browser);
        assertThat(created.statusCode()).isEqualTo(303);
        String instance = created.headers().firstValue("Location").orElseThrow().replace("?done=created", "");
        assertThat(postForm("/instances/new", confirmation(quoted.body(), csrf), "Cookie", browser).headers().firstValue("Location"))
                .as("the same form sent twice creates one instance").contains(instance + "?done=created");
        HttpResponse<String> page = get(instance + "?done=created", "Cookie", browser);
        assertThat(page.body()).contains("The instance is created.", "Web ACS", "Enabled", "TR-369 / USP support");
        String charge = Pattern.compile("This charges (€[0-9.,]+)").matcher(quoted.body()).results().findFirst().orElseThrow().group(1);
        assertThat(get("/account", "Cookie", browser).body()).as("the ledger shows the quoted charge").contains("-" + charge);
        assertThat(get("/instances", "Cookie", browser).body()).contains("Web ACS", "Business, 1,000 CPE devices");

        // Disable (free, R3), enable inside the paid day (free, R4), a change of settings (R7), each confirmed.
        HttpResponse<String> disabling = postForm(instance + "/disable", List.of("csrf", csrf), "Cookie", browser);
        assertThat(disabling.body()).contains("Disabling is free and gives nothing back");
        assertThat(postForm(instance + "/disable", confirmation(disabling.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("id=\"state\">Disabled<", "You disabled it.");
        HttpResponse<String> enabling = postForm(instance + "/enable", List.of("csrf", csrf), "Cookie", browser);
        assertThat(enabling.body()).contains("This costs nothing now.", "billing rule R4");
        assertThat(postForm(instance + "/enable", confirmation(enabling.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("id=\"state\">Enabled<");
        HttpResponse<String> settings = get(instance + "/settings", "Cookie", browser);
        assertThat(settings.body()).contains("value=\"1000\"");
        HttpResponse<String> upgrade = postForm(instance + "/settings", List.of("package", "business", "devices", "2000", "option", "usp", "step", "quote",
                "csrf", csrf), "Cookie", browser);
        assertThat(upgrade.body()).contains("This charges €", "billing rule R7", "id=\"daily-rate\">€23.00<");
        assertThat(upgrade.body()).as("the settings and rate it changes from").contains("Now: Business, 1,000 CPE devices, options: TR-369 / USP support, at €19.00 a day.");
        assertThat(postForm(instance + "/settings", confirmation(upgrade.body(), csrf), "Cookie", browser).statusCode()).isEqualTo(303);
        assertThat(get(instance, "Cookie", browser).body()).contains("2,000 CPE devices");

        // Too little balance: a clear refusal with the way to top up; nothing is created.
        String poor = "dms-session=" + signedUp("poor-" + UUID.randomUUID() + "@example.com");
        HttpResponse<String> poorForm = get("/instances/new", "Cookie", poor);
        String poorBrowser = poor + "; " + cookie(poorForm, "dms-form");
        String poorCsrf = token(poorForm.body());
        HttpResponse<String> poorQuote = postForm("/instances/new", List.of("name", "Too dear", "package", "starter", "devices", "100", "enabled", "on",
                "step", "quote", "csrf", poorCsrf), "Cookie", poorBrowser);
        assertThat(poorQuote.body()).as("the shortfall, said before confirming").contains("Your balance now: €0.00.", "short of this: top up at least €",
                "href=\"/account#top-up\"");
        HttpResponse<String> refused = postForm("/instances/new", confirmation(poorQuote.body(), poorCsrf), "Cookie", poorBrowser);
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.body()).contains("Your balance does not cover this yet", "href=\"/account#top-up\"");
        assertThat(get("/instances", "Cookie", poorBrowser).body()).contains("You have no instance yet.");
        assertThat(get(instance, "Cookie", poorBrowser).statusCode()).as("another customer's instance").isEqualTo(404);

        // Its CPE devices: the password made on request, shown once, not to another customer nor without the form's token.
        HttpResponse<String> devices = get(instance + "/devices", "Cookie", browser);
        assertThat(devices.body()).contains("/cwmp/" + instance.substring(instance.lastIndexOf('/') + 1), "none yet: create the device password first",
                "0 of 2,000 expected devices", "No device has connected yet.");
        assertThat(get(instance + "/devices", "Cookie", poorBrowser).statusCode()).isEqualTo(404);
        assertThat(postForm(instance + "/devices/credentials", List.of("csrf", poorCsrf), "Cookie", poorBrowser).statusCode()).isEqualTo(404);
        assertThat(postForm(instance + "/devices/credentials", List.of(), "Cookie", browser).statusCode()).as("no form token").isEqualTo(403);
        HttpResponse<String> made = postForm(instance + "/devices/credentials", List.of("csrf", csrf), "Cookie", browser);
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(made.body()).containsPattern("<code id=\"password\">[A-Za-z0-9]{20}</code>").contains("id=\"acs-username\">cpe-");
        assertThat(get(instance + "/devices", "Cookie", browser).body()).doesNotContain("id=\"password\"").contains("Replace the device password");
        String replaceKey = UUID.randomUUID().toString();
        HttpResponse<String> replacing = postForm(instance + "/devices/credentials", List.of("csrf", csrf, "requestKey", replaceKey), "Cookie", browser);
        assertThat(replacing.body()).as("replacing cuts every device off: asked once more").contains("Every device of this instance is refused")
                .doesNotContain("id=\"password\"");
        HttpResponse<String> replaced = postForm(instance + "/devices/credentials", List.of("csrf", csrf, "requestKey", replaceKey, "step", "confirm"),
                "Cookie", browser);
        assertThat(replaced.body()).containsPattern("<code id=\"password\">[A-Za-z0-9]{20}</code>");
        assertThat(get(instance + "/devices?offset=-7&search=" + "x".repeat(300), "Cookie", browser).statusCode()).as("a careless query").isEqualTo(200);

        // Sign out everywhere: this browser and every other session.
        String apiSession = signIn(email, "correct horse battery");
        HttpResponse<String> everywhere = postForm("/account/sign-out-everywhere", List.of("csrf", csrf), "Cookie", browser);
        assertThat(everywhere.headers().firstValue("Location")).contains("/sign-in?done=everywhere");
        assertThat(get("/api/v1/account", bearer(apiSession)).statusCode()).isEqualTo(401);
        assertThat(get(instance, "Cookie", browser).statusCode()).isEqualTo(303);
        browser = "dms-session=" + signIn(email, "correct horse battery") + "; " + browser.substring(browser.indexOf("; ") + 2);

        // The package withdrawn (its bundle stopped, R12): the pages still answer, and say what cannot be done.
        org.osgi.framework.Bundle catalogBundle = bundle("dms-cloud-catalog-default");
        try {
            catalogBundle.stop();
            assertThat(get(instance, "Cookie", browser).statusCode()).isEqualTo(200);
            assertThat(get("/instances/new", "Cookie", browser).statusCode()).isEqualTo(200);
            HttpResponse<String> withdrawn = postForm(instance + "/settings", List.of("package", "business", "devices", "3000", "step", "quote",
                    "csrf", csrf), "Cookie", browser);
            assertThat(withdrawn.statusCode()).isEqualTo(400);
            assertThat(withdrawn.body()).contains("Choose one of the packages.");
        } finally {
            catalogBundle.start();
        }
        String again = browser;
        await("the default catalog back", Duration.ofSeconds(30), () -> get("/instances/new", "Cookie", again).body().contains("Business") ? true : null);

        // Delete gives back the unused part of the day (R9).
        HttpResponse<String> deleting = postForm(instance + "/delete", List.of("csrf", csrf), "Cookie", browser);
        assertThat(deleting.body()).contains("This gives €", "billing rule R9");
        HttpResponse<String> deleted = postForm(instance + "/delete", confirmation(deleting.body(), csrf), "Cookie", browser);
        assertThat(deleted.headers().firstValue("Location")).contains("/instances?done=deleted");
        assertThat(get("/instances?done=deleted", "Cookie", browser).body()).contains("The instance is deleted.", "You have no instance yet.");

        // Created disabled, it has paid nothing: it says so, with what enabling it would charge a day, not a rate of 0.00.
        HttpResponse<String> disabledForm = get("/instances/new", "Cookie", browser);
        String disabledKey = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(disabledForm.body()).results().findFirst()
                .orElseThrow().group(1);
        HttpResponse<String> disabledQuote = postForm("/instances/new", List.of("name", "Spare ACS", "package", "business", "devices", "1000",
                "requestKey", disabledKey, "step", "quote", "csrf", csrf), "Cookie", browser);
        HttpResponse<String> spare = postForm("/instances/new", confirmation(disabledQuote.body(), csrf), "Cookie", browser);
        assertThat(spare.statusCode()).isEqualTo(303);
        String sparePage = get(spare.headers().firstValue("Location").orElseThrow(), "Cookie", browser).body();
        assertThat(sparePage).contains("id=\"state\">Disabled<", "Not paid yet", "€14.00").doesNotContain("€0.00");
    }

    /** The confirmation page's form as the browser sends it: its hidden fields and the confirm button. */
    private static List<String> confirmation(String page, String csrf) {
        List<String> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
        while (hidden.find()) {
            if (!hidden.group(1).equals("csrf")) {
                fields.addAll(List.of(hidden.group(1), hidden.group(2)));
            }
        }
        fields.addAll(List.of("step", "confirm", "csrf", csrf));
        return fields;
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void aForgottenPasswordIsSetAgainFromTheMailsLink() {
        awaitHealthy();
        String email = "forgot-" + UUID.randomUUID() + "@example.com";
        String before = signedUp(email);
        HttpResponse<String> form = get("/password-reset");
        String browser = cookie(form, "dms-form");
        String csrf = token(form.body());
        HttpResponse<String> asked = postForm("/password-reset", List.of("email", email, "csrf", csrf), "Cookie", browser);
        assertThat(asked.body()).contains("If " + email + " is registered, a mail with a link is on its way.");
        Matcher link = Pattern.compile("http://localhost:8181(/password-reset\\?token=[A-Za-z0-9_%-]+)").matcher(awaitMail(email, "Set a new password"));
        assertThat(link.find()).isTrue();
        HttpResponse<String> newPassword = get(link.group(1), "Cookie", browser);
        assertThat(newPassword.body()).contains("Set a new password", "name=\"token\"");
        String token = java.net.URLDecoder.decode(link.group(1).substring(link.group(1).indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> weak = postForm("/password-reset", List.of("token", token, "newPassword", "password123", "csrf", csrf), "Cookie", browser);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("too easy to guess");
        HttpResponse<String> set = postForm("/password-reset", List.of("token", token, "newPassword", "amber tundra willow", "csrf", csrf), "Cookie", browser);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("Your new password is set, and every earlier session is signed out.");
        assertThat(get("/api/v1/account", bearer(before)).statusCode()).isEqualTo(401);
        assertThat(signIn(email, "amber tundra willow")).isNotBlank();
        HttpResponse<String> again = postForm("/password-reset", List.of("token", token, "newPassword", "another new password", "csrf", csrf),
                "Cookie", browser);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("This link does not work", "Ask for a new one.");
    }

    /** The status of an answer to a request written as bytes, as a careless client may send what no HTTP library would. */
    private static int rawStatus(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri("/").getPort())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    /** The cookie a page set, as a browser sends it back ({@code name=value}). */
    private static String cookie(HttpResponse<String> page, String name) {
        String set = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String token(String html) {
        Matcher token = FORM_TOKEN.matcher(html);
        assertThat(token.find()).as("the contact form's token").isTrue();
        return token.group(1);
    }
}
