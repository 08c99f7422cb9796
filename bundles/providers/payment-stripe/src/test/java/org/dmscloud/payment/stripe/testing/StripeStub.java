package org.dmscloud.payment.stripe.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A local HTTP server that answers stripe-java as Stripe's API does for Checkout Sessions: creating one
 * (form-encoded parameters, the same Idempotency-Key answering the same session), retrieving one and
 * expiring an open one, with Stripe's JSON objects and error bodies. The test plays the customer: it
 * pays, pays asynchronously or lets a session expire. Every request is kept for assertions.
 * <p>
 * Tests that run elsewhere (inside a distribution under test) play the customer over HTTP instead:
 * {@code POST /_test/checkout/sessions/<id>/pay} (or {@code expire}) changes the session and, once a
 * webhook endpoint is {@linkplain #deliverWebhooksTo set}, delivers the signed event there as Stripe
 * would, {@code deliveries} times (default 1); the answer lists the status code of each delivery. {@code lie}
 * changes nothing at Stripe but delivers a correctly signed event claiming 9,999.99 paid, as someone who
 * learnt the webhook secret could.
 * <p>
 * A session's {@code url} is the stand-in's own payment page, for a browser: {@code GET /_test/pay/<id>} shows
 * the amount with a Pay button and a link back (to the session's {@code cancel_url}); paying delivers the event
 * as above, then sends the browser to the session's {@code success_url}, as Stripe Checkout does.
 */
public final class StripeStub implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_dmscloud";

    private final WireMockServer server;
    private final Clock clock;
    private final String secretKey;
    private final String webhookSecret;
    private final Map<String, JsonObject> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> sessionByIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile URI webhook;

    /** The platform's account in the tests: {@link #SECRET_KEY} and {@link StripeEvents#WEBHOOK_SECRET}. */
    public StripeStub(Clock clock) {
        this(clock, SECRET_KEY, StripeEvents.WEBHOOK_SECRET);
    }

    /** Another Stripe account, such as a reseller's own, with its own API key and webhook signing secret. */
    public StripeStub(Clock clock, String secretKey, String webhookSecret) {
        this.clock = clock;
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new CheckoutSessions()));
        server.start();
        server.stubFor(any(urlPathMatching("/(v1|_test)/.*")).willReturn(aResponse().withTransformers(CheckoutSessions.NAME)));
    }

    /** The address to give stripe-java as its API base. */
    public String apiBase() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Where the HTTP test controls deliver the webhook events they cause, signed with this account's webhook secret. */
    public void deliverWebhooksTo(URI endpoint) {
        this.webhook = endpoint;
    }

    /** The customer paid by card: the session completes paid. */
    public JsonObject pay(String sessionId) {
        return change(sessionId, "complete", "paid");
    }

    /** The customer chose a delayed method (e.g. SEPA debit): the session completes, the money is still on its way. */
    public JsonObject completeAwaitingPayment(String sessionId) {
        return change(sessionId, "complete", "unpaid");
    }

    public JsonObject expire(String sessionId) {
        return change(sessionId, "expired", "unpaid");
    }

    /** Changes a field of a session at Stripe, as no real session ever changes: for tests of what must not be believed. */
    public JsonObject alter(String sessionId, String field, String value) {
        JsonObject session = sessions.get(sessionId);
        synchronized (session) {
            session.addProperty(field, value);
            return session.deepCopy();
        }
    }

    public JsonObject session(String sessionId) {
        return sessions.get(sessionId).deepCopy();
    }

    /** The only session created so far. */
    public JsonObject onlySession() {
        if (sessions.size() != 1) {
            throw new IllegalStateException(sessions.size() + " sessions, not one");
        }
        return sessions.values().iterator().next().deepCopy();
    }

    public int sessionCount() {
        return sessions.size();
    }

    public List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
        Collections.reverse(requests); // WireMock lists the newest first
        return requests;
    }

    /** Stops answering, as when Stripe cannot be reached. */
    public void goDown() {
        server.stop();
    }

    @Override
    public void close() {
        server.stop();
    }

    private JsonObject change(String sessionId, String status, String paymentStatus) {
        JsonObject session = sessions.get(sessionId);
        synchronized (session) {
            session.addProperty("status", status);
            session.addProperty("payment_status", paymentStatus);
            if (!"open".equals(status)) {
                session.add("url", null);
            }
            return session.deepCopy();
        }
    }

    private JsonObject create(Map<String, String> form) {
        String id = "cs_test_" + String.format("%06d", counter.incrementAndGet()) + "dms";
        long now = clock.instant().getEpochSecond();
        JsonObject session = new JsonObject();
        session.addProperty("id", id);
        session.addProperty("object", "checkout.session");
        session.addProperty("amount_subtotal", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")));
        session.addProperty("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]"))
                * Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1")));
        session.addProperty("cancel_url", form.get("cancel_url"));
        session.addProperty("success_url", form.get("success_url"));
        session.addProperty("client_reference_id", form.get("client_reference_id"));
        session.addProperty("currency", form.get("line_items[0][price_data][currency]"));
        session.addProperty("customer_email", form.get("customer_email"));
        session.addProperty("created", now);
        session.addProperty("expires_at", now + 24 * 3600);
        session.addProperty("livemode", false);
        session.addProperty("mode", form.get("mode"));
        session.addProperty("payment_status", "unpaid");
        session.addProperty("status", "open");
        session.addProperty("url", apiBase() + "/_test/pay/" + id);
        JsonObject metadata = new JsonObject();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.addProperty(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        session.add("metadata", metadata);
        sessions.put(id, session);
        return session;
    }

    /** The customer acts on Stripe's page, and Stripe tells the webhook endpoint. */
    private ResponseDefinition customer(String sessionId, String action, int deliveries) {
        if (!sessions.containsKey(sessionId)) {
            return error(404, "invalid_request_error", "No such checkout.session: '" + sessionId + "'");
        }
        JsonObject session;
        String type;
        switch (action) {
            case "pay" -> {
                session = pay(sessionId);
                type = "checkout.session.completed";
            }
            case "expire" -> {
                session = expire(sessionId);
                type = "checkout.session.expired";
            }
            case "lie" -> {
                // Someone holding the webhook secret claims a large payment; the session at Stripe stays as it is.
                session = session(sessionId);
                session.addProperty("amount_total", 999_999);
                session.addProperty("status", "complete");
                session.addProperty("payment_status", "paid");
                type = "checkout.session.completed";
            }
            default -> {
                return error(404, "invalid_request_error", "No test action " + action);
            }
        }
        JsonObject answer = new JsonObject();
        answer.add("session", session);
        JsonArray codes = new JsonArray();
        if (webhook != null) {
            String payload = StripeEvents.event("evt_test_" + counter.incrementAndGet() + "dms", type, session, clock.instant());
            for (int i = 0; i < deliveries; i++) {
                codes.add(deliver(payload));
            }
        }
        answer.add("deliveries", codes);
        return json(200, answer);
    }

    /** Stripe Checkout's page for a browser: GET shows it, POST pays and goes on to the success address. */
    private ResponseDefinition paymentPage(String sessionId, String method) {
        JsonObject session = sessions.get(sessionId);
        if (session == null) {
            return aResponse().withStatus(404).withHeader("Content-Type", "text/plain").withBody("No such checkout session").build();
        }
        if (method.equals("POST")) {
            customer(sessionId, "pay", 1);
            return aResponse().withStatus(303).withHeader("Location", session.get("success_url").getAsString()).build();
        }
        String amount = String.format(java.util.Locale.ROOT, "%d.%02d %s", session.get("amount_total").getAsLong() / 100,
                session.get("amount_total").getAsLong() % 100, session.get("currency").getAsString().toUpperCase(java.util.Locale.ROOT));
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test checkout</title></head><body><main>"
                + "<h1>Test checkout</h1><p>Pay <strong id=\"amount\">" + amount + "</strong> by card (a test: no card is charged).</p>"
                + "<form method=\"post\"><button type=\"submit\" id=\"pay\">Pay " + amount + "</button></form>"
                + "<p><a id=\"back\" href=\"" + session.get("cancel_url").getAsString().replace("\"", "%22") + "\">Back</a></p></main></body></html>";
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(page).build();
    }

    private int deliver(String payload) {
        HttpRequest delivery = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", StripeEvents.signature(payload, webhookSecret, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        try {
            return HttpClient.newHttpClient().send(delivery, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static ResponseDefinition json(int status, JsonObject body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + Integer.toHexString(body.hashCode())).withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String type, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return json(status, body);
    }

    /** Stripe's Checkout Sessions API, answered from the sessions above. */
    private final class CheckoutSessions implements ResponseDefinitionTransformerV2 {

        static final String NAME = "stripe-checkout-sessions";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().split("\\?")[0];
            String method = request.getMethod().getName();
            if (!path.startsWith("/_test/") && !("Bearer " + secretKey).equals(request.getHeader("Authorization"))) {
                return error(401, "invalid_request_error", "Invalid API Key provided: " + request.getHeader("Authorization"));
            }
            if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
                String key = request.getHeader("Idempotency-Key");
                synchronized (sessionByIdempotencyKey) {
                    String earlier = key == null ? null : sessionByIdempotencyKey.get(key);
                    if (earlier != null) {
                        return json(200, sessions.get(earlier));
                    }
                    JsonObject session = create(form(request.getBodyAsString()));
                    if (key != null) {
                        sessionByIdempotencyKey.put(key, session.get("id").getAsString());
                    }
                    return json(200, session);
                }
            }
            String[] parts = path.split("/");
            if (parts.length == 4 && parts[1].equals("_test") && parts[2].equals("pay")) {
                return paymentPage(parts[3], method);
            }
            if (parts.length == 6 && parts[1].equals("_test") && method.equals("POST")) {
                return customer(parts[4], parts[5], request.queryParameter("deliveries").isPresent()
                        ? Integer.parseInt(request.queryParameter("deliveries").firstValue()) : 1);
            }
            if (parts.length >= 5 && parts[1].equals("v1") && parts[2].equals("checkout") && parts[3].equals("sessions")) {
                JsonObject session = sessions.get(parts[4]);
                if (session == null) {
                    return error(404, "invalid_request_error", "No such checkout.session: '" + parts[4] + "'");
                }
                synchronized (session) {
                    if (method.equals("GET") && parts.length == 5) {
                        return json(200, session);
                    }
                    if (method.equals("POST") && parts.length == 6 && parts[5].equals("expire")) {
                        if (!session.get("status").getAsString().equals("open")) {
                            return error(400, "invalid_request_error", "Only Checkout Sessions with a status of `open` can be expired.");
                        }
                        return json(200, expire(parts[4]));
                    }
                }
            }
            return error(404, "invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ").");
        }
    }
}
