package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactInbox;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Money into the balance on the distribution, end to end: a card top-up paid on Stripe's stand-in and
 * confirmed by its signed webhook, a bank transfer invoiced and recorded from the shell, each credited
 * once, in the ledger and mailed through a real SMTP server; the provider list following the provider
 * bundles; and the Contact Us form.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaymentsIT extends DmsCloudTestSupport {

    private static final String STRIPE_BASE = "dms.itest.stripe.base";
    private static final String OPERATORS = "ops@dmscloud.example";
    private static final Pattern INVOICE_NUMBER = Pattern.compile("Invoice (DMS-\\d{4}-\\d{6}) issued");

    @Inject
    TopUpAdministration topUps;

    @Inject
    ContactInbox contactInbox;

    @Configuration
    public Option[] config() {
        List<Option> options = withMailServer(distribution());
        String stripe = TestStripe.start(uri("/api/v1/payments/stripe/webhook"));
        withPaymentProviders(options, stripe);
        options.add(editConfigurationFilePut("etc/org.dmscloud.mail.cfg", "operatorAddresses", OPERATORS));
        options.add(editConfigurationFilePut("etc/org.dmscloud.contact.cfg", "maxPerAddress", "3"));
        options.add(systemProperty(STRIPE_BASE).value(stripe));
        return options.toArray(Option[]::new);
    }

    @Test
    public void aCardTopUpPaidOnStripeIsCreditedOnceByItsSignedWebhook() {
        awaitHealthy();
        String email = "card-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);
        JsonNode providers = json(get("/api/v1/payment-providers", bearer(token)));
        assertThat(providers.findValuesAsText("id")).containsExactly("bank-transfer", "stripe");
        assertThat(providers.findValues("available")).allMatch(JsonNode::asBoolean);

        HttpResponse<String> started = post("/api/v1/account/top-ups", json(Map.of("provider", "stripe",
                "amount", Map.of("amount", "50.00", "currency", "EUR"))), bearer(token, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode topUp = json(started);
        assertThat(topUp.get("status").asText()).isEqualTo("PENDING");
        String session = topUp.get("providerReference").asText();
        assertThat(topUp.get("paymentPage").asText()).isEqualTo(System.getProperty(STRIPE_BASE) + "/_test/pay/" + session); // the stand-in's page

        // The customer pays on Stripe's page; Stripe delivers the signed event, here twice.
        JsonNode paid = json(send(HttpRequest.newBuilder(URI.create(System.getProperty(STRIPE_BASE) + "/_test/checkout/sessions/" + session
                + "/pay?deliveries=2")).POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertThat(paid.get("deliveries").toString()).isEqualTo("[200,200]");

        assertThat(json(get("/api/v1/account", bearer(token))).at("/balance/amount").asText()).isEqualTo("50.00");
        JsonNode ledger = json(get("/api/v1/account/ledger", bearer(token))).get("entries");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.at("/0/type").asText()).isEqualTo("TOP_UP");
        assertThat(ledger.at("/0/amount/amount").asText()).isEqualTo("50.00");
        JsonNode detail = json(get("/api/v1/account/top-ups/" + topUp.get("id").asText(), bearer(token)));
        assertThat(detail.at("/topUp/status").asText()).isEqualTo("PAID");
        assertThat(detail.get("payments")).hasSize(1);
        assertThat(awaitMail(email, "We received your payment of 50.00 EUR"))
                .contains("50.00 EUR has been credited to your DMS Cloud balance, which is now 50.00 EUR");

        // A forged delivery is refused and changes nothing; asking Stripe again credits nothing more. (Stripe's
        // own test classes stay in the test JVM, so the forgery is made by hand.)
        String forgedPayload = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":"
                + "{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"payment_status\":\"paid\",\"amount_total\":500000}}}";
        HttpResponse<String> forged = post("/api/v1/payments/stripe/webhook", forgedPayload, "Stripe-Signature",
                "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(executeCommand("dms:topup-reconcile " + topUp.get("id").asText())).contains("PAID", "50.00 EUR of 50.00 EUR received");
        TopUp stored = topUps.find(TopUpId.parse(topUp.get("id").asText())).orElseThrow();
        assertThat(stored.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(topUps.payments(stored.id())).hasSize(1);
        assertThat(json(get("/api/v1/account", bearer(token))).at("/balance/amount").asText()).isEqualTo("50.00");
    }

    /** A correctly signed event that claims 9,999.99 for a 30.00 top-up still open and unpaid at Stripe. */
    @Test
    public void aSignedEventThatStripeContradictsCreditsNothingAndTheOperatorsAreMailed() {
        awaitHealthy();
        String email = "lie-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);
        JsonNode topUp = json(post("/api/v1/account/top-ups", json(Map.of("provider", "stripe",
                "amount", Map.of("amount", "30.00", "currency", "EUR"))), bearer(token)));
        String session = topUp.get("providerReference").asText();

        JsonNode lie = json(send(HttpRequest.newBuilder(URI.create(System.getProperty(STRIPE_BASE) + "/_test/checkout/sessions/" + session
                + "/lie")).POST(HttpRequest.BodyPublishers.noBody()).build()));

        assertThat(lie.get("deliveries").toString()).isEqualTo("[200]");
        assertThat(json(get("/api/v1/account", bearer(token))).at("/balance/amount").asText()).isEqualTo("0.00");
        assertThat(topUps.find(TopUpId.parse(topUp.get("id").asText())).orElseThrow().status()).isEqualTo(TopUpStatus.PENDING);
        String alarm = awaitMail(OPERATORS, "Security: a Stripe webhook event for top-up " + topUp.get("id").asText());
        assertThat(alarm).contains("999999").contains("still open at Stripe");
    }

    @Test
    public void aBankTransferIsInvoicedFromTheShellPaidInTwoPartsAndEachPartCreditedOnce() {
        awaitHealthy();
        String email = "bank-" + UUID.randomUUID() + "@example.com";
        String token = signedUp(email);

        HttpResponse<String> started = post("/api/v1/account/top-ups", json(Map.of("provider", "bank-transfer",
                "amount", Map.of("amount", "1000.00", "currency", "EUR"),
                "billingDetails", Map.of("name", "Ada Lovelace", "company", "Example GmbH", "address", "Hauptstraße 1\n10115 Berlin",
                        "country", "DE", "vatId", "DE123456789"))), bearer(token));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode topUp = json(started);
        String id = topUp.get("id").asText();
        String reference = topUp.get("providerReference").asText();
        assertThat(topUp.get("status").asText()).isEqualTo("PENDING");
        assertThat(reference).matches("RF\\d{20}");
        assertThat(awaitMail(OPERATORS, "Top-up 1000.00 EUR by Bank transfer")).contains("dms:invoice-issue " + id, email);

        String issued = executeCommand("dms:invoice-issue " + id);
        Matcher number = INVOICE_NUMBER.matcher(issued);
        assertThat(number.find()).as(issued).isTrue();
        String invoice = number.group(1);
        assertThat(awaitMail(email, "Invoice " + invoice)).contains("DE89 3704 0044 0532 0130 00", "[attached: invoice-" + invoice + ".pdf]");
        assertThatThrownBy(() -> executeCommand("dms:invoice-issue " + id)).hasMessageContaining("has its invoice already: " + invoice);
        JsonNode documents = json(get("/api/v1/account/top-ups/" + id, bearer(token))).get("documents");
        assertThat(documents).hasSize(1);
        assertThat(documents.at("/0/number").asText()).isEqualTo(invoice);
        HttpResponse<String> pdf = get("/api/v1/account/top-ups/" + id + "/documents/" + invoice, bearer(token));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        assertThat(executeCommand("dms:invoice-pay " + reference + " 400.00 BANK-2026-0001"))
                .contains("PARTIALLY_PAID", "400.00 EUR of 1000.00 EUR received", "600.00 EUR outstanding");
        assertThat(executeCommand("dms:invoice-pay " + reference + " 400.00 BANK-2026-0001")).contains("400.00 EUR of 1000.00 EUR received");
        assertThat(executeCommand("dms:invoice-pay " + reference + " 600.00 BANK-2026-0002")).contains("is PAID");

        TopUp stored = topUps.find(TopUpId.parse(id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(topUps.payments(stored.id())).extracting(payment -> payment.amount().toString())
                .containsExactly("400.00 EUR", "600.00 EUR");
        assertThat(json(get("/api/v1/account", bearer(token))).at("/balance/amount").asText()).isEqualTo("1000.00");
        JsonNode ledger = json(get("/api/v1/account/ledger", bearer(token))).get("entries");
        assertThat(ledger.findValuesAsText("type")).containsExactly("TOP_UP", "TOP_UP");
        assertThat(awaitMail(email, "We received your payment of 600.00 EUR"))
                .contains("600.00 EUR has been credited to your DMS Cloud balance, which is now 1000.00 EUR");
        assertThat(executeCommand("dms:topup-show " + id)).contains("BANK-2026-0001", "BANK-2026-0002", invoice);
    }

    @Test
    public void theProviderListFollowsTheProviderBundlesBeingStoppedAndStarted() throws Exception {
        awaitHealthy();
        String token = signedUp("providers-" + UUID.randomUUID() + "@example.com");
        Bundle stripe = bundle("dms-cloud-payment-stripe");

        stripe.stop();
        try {
            await("Stripe gone from the list", Duration.ofSeconds(30),
                    () -> json(get("/api/v1/payment-providers", bearer(token))).findValuesAsText("id").equals(List.of("bank-transfer"))
                            ? Boolean.TRUE : null);
            assertThat(executeCommand("dms:payment-providers")).contains("bank-transfer").doesNotContain("stripe");
            HttpResponse<String> refused = post("/api/v1/account/top-ups", json(Map.of("provider", "stripe",
                    "amount", Map.of("amount", "50.00", "currency", "EUR"))), bearer(token));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo("provider");
            assertThat(json(refused).at("/errors/0/message").asText()).contains("no payment provider 'stripe'");
        } finally {
            stripe.start();
        }
        await("Stripe back in the list", Duration.ofSeconds(30),
                () -> json(get("/api/v1/payment-providers", bearer(token))).findValuesAsText("id").equals(List.of("bank-transfer", "stripe"))
                        ? Boolean.TRUE : null);
        assertThat(executeCommand("dms:payment-providers")).contains("stripe", "Card (Stripe)");
    }

    @Test
    public void aContactUsMessageIsStoredMailedToTheOperatorsAndRateLimited() {
        awaitHealthy();
        String marker = UUID.randomUUID().toString();
        Map<String, String> message = Map.of("name", "Grace Hopper", "email", "grace@example.com", "company", "Example Telecom",
                "topic", "bank-transfer-top-up", "message", "We would like to top up 20000 EUR by bank transfer. " + marker);

        HttpResponse<String> sent = post("/api/v1/contact", json(message));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(awaitMail(OPERATORS, "Contact Us (Bank transfer top-up): Grace Hopper, Example Telecom")).contains(marker, "grace@example.com");
        List<ContactMessage> latest = contactInbox.latest(Optional.of(TenantId.DEFAULT), Optional.of(ContactTopic.BANK_TRANSFER_TOP_UP), 10);
        assertThat(latest).anySatisfy(stored -> {
            assertThat(stored.message()).contains(marker);
            assertThat(stored.email()).isEqualTo("grace@example.com");
        });
        assertThat(executeCommand("dms:contact-list")).contains("Grace Hopper", "bank-transfer-top-up");
        assertThat(executeCommand("dms:contact-show " + latest.get(0).id())).contains(marker);

        HttpResponse<String> invalid = post("/api/v1/contact", json(Map.of("name", "", "email", "nope", "topic", "pricing", "message", "")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email", "topic", "message");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(post("/api/v1/contact", json(message)).statusCode());
        }
        assertThat(statuses).containsExactly(202, 202, 429);
        HttpResponse<String> limited = post("/api/v1/contact", json(message));
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(json(limited).get("type").asText()).isEqualTo("https://dmscloud.org/problems/too-many-attempts");
    }
}
