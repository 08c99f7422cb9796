package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The portal API fuzzed from outside, as a careless client or an attacker would: the distribution started
 * as an operator starts it, every operation of its own OpenAPI document sent generated parameters, headers
 * and bodies (mostly what the schema asks for, often not), signed in as a customer with money and an
 * instance so that requests reach past the first checks. For every request: never a 5xx; every 4xx is
 * application/problem+json (the mail-link pages answer HTML) without a stack trace; and a refused request
 * leaves the account as it was: balance, ledger, instances and top-ups. A failure prints the seed and the
 * request, shrunk. {@code -Djqwik.tries.default=N} sends more (default 800, in junit-platform.properties). Then raw
 * request lines written to a socket, as no URI-building client can send them: every path of the document with its
 * template unexpanded, or characters that must be percent-encoded left raw in a segment or the query.
 */
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The pages that mail links open answer a person, in HTML, even when the link is bad. */
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_%-]+)");

    private static DistributionProcess distribution;
    private static HttpClient http;
    private static String token;
    private static OpenApiRequests requests;
    private static List<String> pathTemplates;
    /**
     * The account's state as read after the last refused request, which is the state before the next one: reading it
     * again would only repeat the same four requests. Forgotten after any answer that may have changed it.
     */
    private static String stateAfterLastRefusal;
    /** What a careless client leaves raw in an address: each must be percent-encoded, and a URI-building client never sends it. */
    private static final List<String> RAW = List.of("{", "}", "|", "^", "`", "\"", "<", ">", "\\", "[", "]", "%", "%zz", "%4", " ", "\u00e9");

    @BeforeContainer
    static void start() throws Exception {
        int httpPort = Integer.parseInt(DmsCloudTestSupport.freePort());
        int[] mail = TestMailServer.start(Integer.parseInt(DmsCloudTestSupport.freePort()), Integer.parseInt(DmsCloudTestSupport.freePort()));
        StripeStub stripe = new StripeStub(java.time.Clock.systemUTC());
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/payments/stripe/webhook"));
        distribution = DistributionProcess.start("fuzz", httpPort, Map.of(
                "org.dmscloud.mail", Map.of("smtpHost", "127.0.0.1", "smtpPort", Integer.toString(mail[0]), "smtpStartTls", "false",
                        "pollSeconds", "1", "operatorAddresses", "ops@dmscloud.example"),
                "org.dmscloud.payment.stripe", Map.of("secretKey", StripeStub.SECRET_KEY, "webhookSecret", StripeEvents.WEBHOOK_SECRET,
                        "apiBase", stripe.apiBase()),
                "org.dmscloud.payment.banktransfer", Map.of("beneficiary", "DMS Cloud Ltd", "beneficiaryAddress", "1 Harbour Street|Dublin",
                        "iban", "DE89370400440532013000", "bic", "COBADEFFXXX", "bankName", "Commerzbank")));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // A customer with money and an instance, so that fuzzed requests reach past "sign in first" and "no such instance".
        String email = "fuzzer-" + UUID.randomUUID() + "@example.com";
        String password = "violet quarry lantern";
        assertThat(send("POST", "/auth/register", Map.of(), json(Map.of("email", email, "password", password, "name", "Fuzzer"))).statusCode())
                .isEqualTo(202);
        String mailText = Mailboxes.await(mail[1], email, "Confirm");
        Matcher link = VERIFY_LINK.matcher(mailText);
        assertThat(link.find()).isTrue();
        assertThat(send("POST", "/auth/verify", Map.of(), json(Map.of("token", java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8))))
                .statusCode()).isEqualTo(200);
        token = JSON.readTree(send("POST", "/auth/sign-in", Map.of(), json(Map.of("email", email, "password", password))).body())
                .get("token").asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        JsonNode topUp = JSON.readTree(send("POST", "/account/top-ups", bearer,
                json(Map.of("provider", "stripe", "amount", Map.of("amount", "5000.00", "currency", "EUR")))).body());
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(stripe.apiBase() + "/_test/checkout/sessions/"
                + topUp.get("providerReference").asText() + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.body()).contains("[200]");
        JsonNode instance = JSON.readTree(send("POST", "/instances", bearer, json(Map.of("name", "Fuzzed ACS", "packageId", "business",
                "expectedDevices", 1000, "enabled", true))).body());
        List<String> ids = new ArrayList<>(List.of(instance.at("/instance/id").asText(), topUp.get("id").asText()));

        JsonNode openApi = JSON.readTree(send("GET", "/openapi.json", Map.of(), null).body());
        requests = new OpenApiRequests(openApi, new OpenApiRequests.Known(token, ids));
        pathTemplates = new ArrayList<>();
        openApi.get("paths").fieldNames().forEachRemaining(pathTemplates::add);
    }

    @AfterContainer
    static void stop() {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return requests.requests();
    }

    // The generators carry the hostile values themselves; jqwik's edge cases, tried first, would skew the operations.
    @Property(shrinking = ShrinkingMode.BOUNDED, afterFailure = net.jqwik.api.AfterFailureMode.RANDOM_SEED, edgeCases = EdgeCasesMode.NONE)
    void noRequestIsAServerErrorEveryRefusalIsAProblemAndChangesNothing(@ForAll("requests") FuzzRequest request) throws Exception {
        // The state a refused request must leave: the one read after the last refusal, when nothing has happened since.
        String before = stateAfterLastRefusal != null ? stateAfterLastRefusal : accountState();
        stateAfterLastRefusal = null;

        HttpResponse<String> answer = sendRaw(request.method(), request.pathAndQuery(), request.headers(), request.body());

        int status = answer.statusCode();
        Statistics.label("answers").collect(status / 100 + "xx");
        Statistics.label("operations").collect(request.operation());
        assertThat(status).as("%s answered %s: %s", request, status, answer.body()).isLessThan(500);
        if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as("%s answered %s with %s: %s", request, status, type, answer.body()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("status").asInt()).as("%s", request).isEqualTo(status);
            assertThat(answer.body()).as("%s", request).doesNotContain("Exception").doesNotContain("\tat ");
            String after = accountState();
            assertThat(after).as("the account after the refused %s", request).isEqualTo(before);
            stateAfterLastRefusal = after;
        }
    }

    @Provide
    Arbitrary<String> rawRequestLines() {
        Arbitrary<String> template = Arbitraries.of(pathTemplates);
        Arbitrary<String> raw = Arbitraries.of(RAW);
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
        Arbitrary<String> path = Combinators.combine(template, raw, Arbitraries.integers().between(0, 2)).as((t, r, how) -> switch (how) {
            case 0 -> t; // the OpenAPI document's template, unexpanded: /instances/{id}
            case 1 -> t.replaceAll("\\{[^}]*}", "x" + r + "y");
            default -> t + "?" + "q=" + r + "&limit=" + r;
        });
        return Combinators.combine(method, path).as((m, p) -> m + " /api/v1" + p + " HTTP/1.1");
    }

    /**
     * Raw request lines, as a careless client writes them by hand: what a URI-building client cannot send (braces,
     * quotes, brackets, spaces, broken escapes) reaches the server as it is, and is never a server error.
     */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void noRawRequestLineIsAServerError(@ForAll("rawRequestLines") String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", distribution.httpPort())) {
            socket.setSoTimeout(30_000);
            // Signed out: the address is refused before any authentication, and a well-formed line (a sign-out) must not end the
            // fuzzer's own session.
            String request = requestLine + "\r\nHost: 127.0.0.1:" + distribution.httpPort() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher statusLine = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(answer);
            assertThat(statusLine.find()).as("%s answered %s", requestLine, answer).isTrue();
            int status = Integer.parseInt(statusLine.group(1));
            Statistics.label("raw answers").collect(status);
            assertThat(status).as("%s answered %s", requestLine, answer).isLessThan(500);
            if (status >= 400) {
                assertThat(answer).as("%s", requestLine).containsIgnoringCase("Content-Type: application/problem+json")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    /** What a refused request must leave as it was: the balance, the ledger, the instances and the top-ups. */
    private static String accountState() throws Exception {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/account", "/account/ledger?limit=100", "/instances", "/account/top-ups?limit=100")) {
            HttpResponse<String> answer = sendRaw("GET", path, bearer, null);
            assertThat(answer.statusCode()).as("the fuzzer's own %s", path).isEqualTo(200);
            state.append(answer.body()).append('\n');
        }
        return state.toString();
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String json) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        HttpResponse<String> answer = sendRaw(method, path, all, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isLessThan(300);
        return answer;
    }

    private static HttpResponse<String> sendRaw(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(distribution.uri("/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }
}
