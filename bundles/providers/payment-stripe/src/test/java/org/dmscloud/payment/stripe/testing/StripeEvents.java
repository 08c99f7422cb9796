package org.dmscloud.payment.stripe.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;

/**
 * Webhook deliveries as Stripe makes them: an event object around a Checkout Session, and the
 * Stripe-Signature header "t=<unix time>,v1=<HMAC-SHA256 of 't.payload' under the endpoint secret>".
 * Written from Stripe's documentation, independently of stripe-java, so that the verification under test
 * is checked against a second implementation.
 */
public final class StripeEvents {

    public static final String WEBHOOK_SECRET = "whsec_dmscloud_test_secret";

    /** The API version of stripe-java 33.3.0, so that it reads the event's object without guessing. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private StripeEvents() {
    }

    public static String event(String eventId, String type, JsonObject session, Instant created) {
        JsonObject data = new JsonObject();
        data.add("object", session);
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("api_version", API_VERSION);
        event.addProperty("created", created.getEpochSecond());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        JsonObject request = new JsonObject();
        request.add("id", null);
        request.add("idempotency_key", null);
        event.add("request", request);
        event.addProperty("type", type);
        return event.toString();
    }

    public static String signature(String payload, String secret, Instant at) {
        long timestamp = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
