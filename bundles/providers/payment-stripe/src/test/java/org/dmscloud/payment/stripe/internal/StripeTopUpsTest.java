package org.dmscloud.payment.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration.ReconciliationReport;
import org.dmscloud.api.payment.TopUpFailedException;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.mail.internal.OutboxOperatorMail;
import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;
import org.dmscloud.payments.internal.PaymentEvents;
import org.dmscloud.payments.internal.Payments;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;

/**
 * Card top-ups end to end below HTTP: stripe-java against a server speaking Stripe's wire format, the
 * webhook verified and applied as Stripe delivers it, and the host's real top-ups and ledger on H2.
 */
class StripeTopUpsTest {

    private static final Money FIFTY = Money.of("50.00", "EUR");
    private static final String OPERATORS = "security-desk@dmscloud.example";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final DataSource database = TestDatabases.h2();
    private StripeStub stripe;
    private StripePaymentProvider provider;
    private Payments payments;
    private Account account;
    private int eventCounter;

    @BeforeEach
    void start() {
        stripe = new StripeStub(clock);
        payments = host(configured(Map.of()));
        account = payments.account();
    }

    @AfterEach
    void stop() {
        payments.close();
        stripe.close();
    }

    @Test
    void aTopUpIsACheckoutSessionCreatedUnderTheTopUpsIdempotencyKey() {
        TopUp topUp = start(FIFTY);

        JsonObject session = stripe.onlySession();
        assertThat(topUp.status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(topUp.providerReference()).contains(session.get("id").getAsString());
        assertThat(topUp.paymentPage()).hasValueSatisfying(page -> assertThat(page.toString()).isEqualTo(session.get("url").getAsString()));
        assertThat(session.get("amount_total").getAsLong()).isEqualTo(5_000);
        assertThat(session.get("currency").getAsString()).isEqualTo("eur");
        assertThat(session.get("mode").getAsString()).isEqualTo("payment");
        assertThat(session.get("client_reference_id").getAsString()).isEqualTo(topUp.id().toString());
        assertThat(session.get("customer_email").getAsString()).isEqualTo(Payments.emailOf(account));
        assertThat(session.getAsJsonObject("metadata").get("dms_top_up_id").getAsString()).isEqualTo(topUp.id().toString());
        assertThat(session.get("success_url").getAsString()).as("back to the top-up's own page")
                .isEqualTo("http://localhost:8181/account/top-ups/" + topUp.id() + "?back=paid");
        assertThat(session.get("cancel_url").getAsString()).isEqualTo("http://localhost:8181/account/top-ups/" + topUp.id() + "?back=left");
        LoggedRequest create = stripe.requests().get(0);
        assertThat(create.getHeader("Idempotency-Key")).isEqualTo("dms-top-up-" + topUp.id());
        assertThat(create.getHeader("Stripe-Version")).isEqualTo(StripeEvents.API_VERSION);
    }

    @Test
    void aPaidSessionIsCreditedOnceWhateverTheNumberOfDeliveries() {
        TopUp topUp = start(FIFTY);
        String sessionId = topUp.providerReference().orElseThrow();
        String completed = event("checkout.session.completed", stripe.pay(sessionId));

        List<StripeWebhook.Delivery> deliveries = List.of(deliver(completed), deliver(completed), deliver(completed),
                deliver(event("checkout.session.completed", stripe.session(sessionId))));

        assertThat(deliveries).allSatisfy(d -> assertThat(d.accepted()).isTrue());
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThat(payments.balances.ledger(account.id(), Long.MAX_VALUE, 10)).hasSize(1);
        assertThat(payments.desk.find(account.id(), topUp.id()).orElseThrow().status()).isEqualTo(TopUpStatus.PAID);
        int recorded = payments.store.inTransaction(tx -> PaymentEvents.in(tx).deliveries("stripe", "evt_test_1"));
        assertThat(recorded).isEqualTo(3);
    }

    @Test
    void aDelayedPaymentIsCreditedWhenItSucceedsWhicheverEventComesFirst() {
        TopUp inOrder = start(FIFTY);
        TopUp reordered = start(FIFTY);
        String first = inOrder.providerReference().orElseThrow();
        String second = reordered.providerReference().orElseThrow();
        JsonObject awaiting = stripe.completeAwaitingPayment(first);
        JsonObject awaitingToo = stripe.completeAwaitingPayment(second);
        JsonObject succeededToo = stripe.pay(second);

        StripeWebhook.Delivery waiting = deliver(event("checkout.session.completed", awaiting));
        Money afterCompletedOnly = payments.reread(account).balance();
        JsonObject succeeded = stripe.pay(first);
        deliver(event("checkout.session.async_payment_succeeded", succeeded));
        deliver(event("checkout.session.async_payment_succeeded", succeededToo));
        deliver(event("checkout.session.completed", awaitingToo)); // late, after the money

        assertThat(waiting.outcome()).contains("still being processed");
        assertThat(afterCompletedOnly.isZero()).isTrue();
        assertThat(payments.reread(account).balance()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(List.of(inOrder, reordered)).allSatisfy(t -> assertThat(payments.desk.find(account.id(), t.id()).orElseThrow().status())
                .isEqualTo(TopUpStatus.PAID));
    }

    @Test
    void failedAndExpiredPaymentsFailTheirTopUps() {
        TopUp declined = start(FIFTY);
        TopUp abandoned = start(FIFTY);

        deliver(event("checkout.session.async_payment_failed", stripe.completeAwaitingPayment(declined.providerReference().orElseThrow())));
        deliver(event("checkout.session.expired", stripe.expire(abandoned.providerReference().orElseThrow())));

        assertThat(payments.desk.find(account.id(), declined.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.status()).isEqualTo(TopUpStatus.FAILED);
            assertThat(t.detail()).isEqualTo("The payment failed.");
        });
        assertThat(payments.desk.find(account.id(), abandoned.id()).orElseThrow().status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(payments.reread(account).balance().isZero()).isTrue();
    }

    @Test
    void forgedStaleOrUnsignedDeliveriesAreRefusedAndChangeNothing() {
        TopUp topUp = start(FIFTY);
        String payload = event("checkout.session.completed", stripe.pay(topUp.providerReference().orElseThrow()));
        StripeWebhook webhook = webhook();

        String forged = StripeEvents.signature(payload, "whsec_someone_else", clock.instant());
        String stale = StripeEvents.signature(payload, StripeEvents.WEBHOOK_SECRET, clock.instant().minus(Duration.ofMinutes(6)));
        String tampered = payload.replace("5000", "500000");
        String valid = StripeEvents.signature(payload, StripeEvents.WEBHOOK_SECRET, clock.instant());

        assertThatThrownBy(() -> webhook.receive(payload, forged)).isInstanceOf(StripeWebhook.RefusedException.class);
        assertThatThrownBy(() -> webhook.receive(payload, stale)).isInstanceOf(StripeWebhook.RefusedException.class);
        assertThatThrownBy(() -> webhook.receive(tampered, valid)).isInstanceOf(StripeWebhook.RefusedException.class);
        assertThatThrownBy(() -> webhook.receive(payload, null)).isInstanceOf(StripeWebhook.RefusedException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> webhook.receive(payload, "t=1,v1=00")).isInstanceOf(StripeWebhook.RefusedException.class);

        assertThat(payments.reread(account).balance().isZero()).isTrue();
        assertThat(payments.desk.find(account.id(), topUp.id()).orElseThrow().status()).isEqualTo(TopUpStatus.PENDING);
        int recorded = payments.store.inTransaction(tx -> PaymentEvents.in(tx).deliveries("stripe", "evt_test_1"));
        assertThat(recorded).as("a refused delivery is not recorded").isZero();
    }

    @Test
    void unknownEventsAndOtherApplicationsSessionsAreAcknowledgedAndRecorded() {
        JsonObject notOurs = paidSession("cs_test_elsewhere", 1_999, new JsonObject()); // another application's, on the same Stripe account
        StripeWebhook.Delivery unknown = deliver(event("customer.created", new JsonObject()));
        StripeWebhook.Delivery foreign = deliver(event("checkout.session.completed", notOurs));

        assertThat(unknown.accepted()).isTrue();
        assertThat(unknown.outcome()).startsWith("ignored");
        assertThat(foreign.accepted()).isTrue();
        assertThat(foreign.outcome()).contains("not a DMS Cloud top-up");
        assertThat(deliveries("evt_test_1")).isEqualTo(1);
        assertThat(deliveries("evt_test_2")).isEqualTo(1);
    }

    @Test
    void anEventForASessionWithOurMetadataButNoTopUpIsAcknowledgedNotRetriedForDays() {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("dms_top_up_id", java.util.UUID.randomUUID().toString());
        JsonObject unknown = paidSession("cs_test_unknown", 3_000, metadata); // says it is ours, but no top-up has this session

        StripeWebhook.Delivery delivery = deliver(event("checkout.session.completed", unknown));

        assertThat(delivery.accepted()).isTrue();
        assertThat(deliveries("evt_test_1")).isEqualTo(1);
        assertThat(payments.reread(account).balance().isZero()).isTrue();
    }

    /** A signed event claiming 9,999.99 for a 30.00 top-up whose session at Stripe is open and unpaid. */
    @Test
    void aSignedEventIsNotBelievedWhereStripeSaysOtherwiseAndTheOperatorsAreTold() {
        TopUp topUp = start(Money.of("30.00", "EUR"));
        String sessionId = topUp.providerReference().orElseThrow();
        JsonObject lie = stripe.session(sessionId); // open and unpaid at Stripe
        lie.addProperty("amount_total", 999_999);
        lie.addProperty("status", "complete");
        lie.addProperty("payment_status", "paid");

        StripeWebhook.Delivery delivery = deliver(event("checkout.session.completed", lie));

        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.outcome()).startsWith("security event").contains("nothing credited");
        assertThat(payments.reread(account).balance().isZero()).isTrue();
        assertThat(payments.desk.find(account.id(), topUp.id()).orElseThrow().status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(securityMails()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains(topUp.id().toString());
            assertThat(mail.body()).contains("999999").contains("roll it");
        });
        assertThat(deliveries("evt_test_1")).isEqualTo(1);
    }

    @Test
    void aSignedEventClaimingMoreThanWasPaidCreditsWhatStripeSaysWasPaid() {
        TopUp topUp = start(Money.of("30.00", "EUR"));
        JsonObject lie = stripe.pay(topUp.providerReference().orElseThrow());
        lie.addProperty("amount_total", 999_999);

        deliver(event("checkout.session.completed", lie));

        assertThat(payments.reread(account).balance()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(securityMails()).hasSize(1);
    }

    @Test
    void aPaidSessionInAnotherCurrencyOrAmountThanItsTopUpCreditsNothing() {
        TopUp dollars = start(Money.of("30.00", "EUR"));
        TopUp more = start(Money.of("30.00", "EUR"));
        stripe.pay(dollars.providerReference().orElseThrow());
        stripe.pay(more.providerReference().orElseThrow());
        JsonObject inDollars = stripe.alter(dollars.providerReference().orElseThrow(), "currency", "usd");
        JsonObject larger = stripe.alter(more.providerReference().orElseThrow(), "amount_total", "999999");

        StripeWebhook.Delivery first = deliver(event("checkout.session.completed", inDollars));
        StripeWebhook.Delivery second = deliver(event("checkout.session.completed", larger));

        assertThat(first.outcome()).contains("is in usd");
        assertThat(second.outcome()).contains("999999");
        assertThat(payments.reread(account).balance().isZero()).isTrue();
        assertThat(securityMails()).hasSize(2);
    }

    @Test
    void whileStripeCannotBeAskedAnEventIsDeliveredAgainLaterAndThenCredited() {
        TopUp topUp = start(FIFTY);
        String completed = event("checkout.session.completed", stripe.pay(topUp.providerReference().orElseThrow()));
        StripePaymentProvider reachable = provider;
        provider = configured(Map.of("apiBase", "http://127.0.0.1:9"));

        StripeWebhook.Delivery whileDown = deliver(completed);
        provider = reachable;
        StripeWebhook.Delivery later = deliver(completed);

        assertThat(whileDown.accepted()).isFalse();
        assertThat(later.accepted()).isTrue();
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThat(deliveries("evt_test_1")).isEqualTo(1);
    }


    @Test
    void aSessionPaidAfterARestartIsCreditedByTheNewNode() {
        TopUp topUp = start(FIFTY);
        payments.close();

        payments = host(configured(Map.of())); // the platform restarted on the same database
        String completed = event("checkout.session.completed", stripe.pay(topUp.providerReference().orElseThrow()));
        deliver(completed);

        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
    }

    @Test
    void aLostWebhookIsMadeGoodByReconciliationAndTheLateWebhookChangesNothing() {
        TopUp topUp = start(FIFTY);
        JsonObject paid = stripe.pay(topUp.providerReference().orElseThrow());
        clock.advance(Duration.ofMinutes(10));

        ReconciliationReport report = payments.desk.reconcileOpen(100);
        StripeWebhook.Delivery late = deliver(event("checkout.session.completed", paid));

        assertThat(report).isEqualTo(new ReconciliationReport(1, 1, 0, 0, 0));
        assertThat(late.accepted()).isTrue();
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThat(payments.balances.ledger(account.id(), Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void cancellingExpiresTheSessionUnlessItWasPaidFirst() {
        TopUp open = start(FIFTY);
        TopUp paidFirst = start(FIFTY);
        stripe.pay(paidFirst.providerReference().orElseThrow());

        TopUp cancelled = payments.desk.cancel(account.id(), open.id());

        assertThat(cancelled.status()).isEqualTo(TopUpStatus.CANCELLED);
        assertThat(stripe.session(open.providerReference().orElseThrow()).get("status").getAsString()).isEqualTo("expired");
        assertThatThrownBy(() -> payments.desk.cancel(account.id(), paidFirst.id())).isInstanceOf(TopUpStateException.class);
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
    }

    @Test
    void withoutKeysTheProviderIsUnavailableAndSaysWhy() {
        StripePaymentProvider noKey = new StripePaymentProvider(Configurations.of(StripeConfiguration.class, Map.of()));
        StripePaymentProvider noWebhookSecret = configured(Map.of("webhookSecret", ""));

        assertThat(noKey.availability().reason()).isEqualTo("no secretKey in etc/org.dmscloud.payment.stripe.cfg");
        assertThat(noWebhookSecret.availability().reason()).startsWith("no webhookSecret in etc/org.dmscloud.payment.stripe.cfg");
        payments.close();
        payments = host(noKey);
        Account other = payments.account();
        assertThatThrownBy(() -> payments.desk.start(other.id(), Payments.emailOf(other), new NewTopUp("stripe", FIFTY, Optional.empty(),
                Optional.empty()))).isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void whenStripeCannotBeReachedOrRefusesTheKeyTheCustomerIsToldAndNothingIsCharged() {
        payments.close();
        payments = host(configured(Map.of("secretKey", "sk_test_wrong")));
        Account refusedAccount = payments.account();
        assertThatThrownBy(() -> payments.desk.start(refusedAccount.id(), Payments.emailOf(refusedAccount),
                new NewTopUp("stripe", FIFTY, Optional.empty(), Optional.empty())))
                .isInstanceOf(TopUpFailedException.class).hasMessage("Card payments are not available right now. Nothing was charged.");

        payments.close();
        payments = host(configured(Map.of()));
        Account unreachableAccount = payments.account();
        stripe.goDown();
        assertThatThrownBy(() -> payments.desk.start(unreachableAccount.id(), Payments.emailOf(unreachableAccount),
                new NewTopUp("stripe", FIFTY, Optional.empty(), Optional.empty())))
                .isInstanceOf(TopUpFailedException.class).hasMessageStartingWith("Card payments cannot be reached right now.");
        assertThat(payments.desk.list(unreachableAccount.id(), 10)).extracting(TopUp::status).containsExactly(TopUpStatus.FAILED);
    }

    private TopUp start(Money amount) {
        return payments.desk.start(account.id(), Payments.emailOf(account), new NewTopUp("stripe", amount, Optional.empty(), Optional.empty()));
    }

    private String event(String type, JsonObject session) {
        return StripeEvents.event("evt_test_" + (++eventCounter), type, session, clock.instant());
    }

    private StripeWebhook.Delivery deliver(String payload) {
        return webhook().receive(payload, StripeEvents.signature(payload, StripeEvents.WEBHOOK_SECRET, clock.instant()));
    }

    private StripeWebhook webhook() {
        return new StripeWebhook(provider.id(), payments.book, provider::retrieve, new OutboxOperatorMail(payments.store, clock, payments.tenants, OPERATORS), StripeEvents.WEBHOOK_SECRET,
                300, clock);
    }

    private Payments host(StripePaymentProvider plugin) {
        this.provider = plugin;
        return new Payments(database, clock, plugin);
    }

    /** A paid Checkout Session in EUR as an event carries it, not one the stand-in made. */
    private static JsonObject paidSession(String id, long amountMinor, JsonObject metadata) {
        JsonObject session = new JsonObject();
        session.addProperty("id", id);
        session.addProperty("object", "checkout.session");
        session.addProperty("amount_total", amountMinor);
        session.addProperty("currency", "eur");
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        session.add("metadata", metadata);
        return session;
    }

    private int deliveries(String eventId) {
        return payments.store.inTransaction(tx -> PaymentEvents.in(tx).deliveries("stripe", eventId));
    }

    private List<MailRecord> securityMails() {
        return payments.store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.of(OPERATORS), 100)).stream()
                .filter(m -> m.kind().equals("security")).toList();
    }

    private StripePaymentProvider configured(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("secretKey", StripeStub.SECRET_KEY, "webhookSecret",
                StripeEvents.WEBHOOK_SECRET, "apiBase", stripe.apiBase(), "timeoutSeconds", 2));
        properties.putAll(overrides);
        return new StripePaymentProvider(Configurations.of(StripeConfiguration.class, properties));
    }
}
