package org.dmscloud.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.DocumentTemplate;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration.ReconciliationReport;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpFailedException;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Top-ups from request to money on the balance, over the production store and ledger. */
abstract class TopUpsTest {

    private static final Money FIFTY = Money.of("50.00", "EUR");

    private Payments payments;
    private Account account;
    private String email;

    protected abstract DataSource newDatabase();

    @BeforeEach
    void wire() {
        payments = new Payments(newDatabase(), Instant.parse("2026-11-26T10:00:00Z"));
        account = payments.account();
        email = Payments.emailOf(account);
    }

    @AfterEach
    void close() {
        payments.close();
    }

    @Test
    void aStartedTopUpIsPendingWithTheProvidersPaymentPage() {
        TopUp topUp = start(FIFTY, Optional.of("key-1"));

        assertThat(topUp.status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(topUp.providerReference()).hasValueSatisfying(reference -> assertThat(reference).startsWith("pay_"));
        assertThat(topUp.paymentPage()).hasValueSatisfying(page -> assertThat(page.toString()).startsWith("https://pay.example/pay_"));
        assertThat(topUp.received().isZero()).isTrue();
        assertThat(payments.desk.find(account.id(), topUp.id())).contains(topUp);
        assertThat(payments.reread(account).balance().isZero()).as("nothing is credited before the money arrives").isTrue();
    }

    @Test
    void theSameRequestKeyAnswersTheFirstTopUpAndADifferentRequestUnderItIsRefused() {
        TopUp first = start(FIFTY, Optional.of("key-1"));

        TopUp again = start(FIFTY, Optional.of("key-1"));

        assertThat(again).isEqualTo(first);
        assertThat(payments.provider.starts()).isEqualTo(1);
        assertThatThrownBy(() -> start(Money.of("60.00", "EUR"), Optional.of("key-1"))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(payments.desk.list(account.id(), 10)).hasSize(1);
    }

    @Test
    void anAmountOutsideTheLimitsOrInAnotherCurrencyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> start(Money.of("4.99", "EUR"), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields())
                        .containsEntry("amount", "Top up between 5.00 EUR and 10000.00 EUR with Test pay."));
        assertThatThrownBy(() -> start(Money.of("10000.01", "EUR"), Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> start(Money.of("50.00", "USD"), Optional.empty())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields()).containsEntry("amount",
                        "Top up in your account's currency, EUR."));
        assertThatThrownBy(() -> payments.desk.start(account.id(), email, new NewTopUp("paypal", FIFTY, Optional.empty(), Optional.empty())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(payments.desk.list(account.id(), 10)).isEmpty();
    }

    @Test
    void anUnavailableProviderIsRefusedWithoutItsOperatorReasonInTheMessage() {
        payments.provider.availability = Availability.unavailable("no secretKey in etc/org.dmscloud.payment.stripe.cfg");

        assertThatThrownBy(() -> start(FIFTY, Optional.empty())).isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessage("Test pay cannot take payments right now. Please choose another way to pay, or try again later.")
                .satisfies(e -> assertThat(((PaymentProviderUnavailableException) e).operatorReason()).contains("secretKey"));
        assertThat(payments.desk.list(account.id(), 10)).isEmpty();
    }

    @Test
    void aProviderThatNeedsBillingDetailsGetsThemCheckedAndOperatorsAreToldWhatToDo() {
        payments.provider.needsBillingDetails = true;
        payments.provider.operatorTask = Optional.of("Issue an invoice with dms:invoice-issue.");

        assertThatThrownBy(() -> start(FIFTY, Optional.empty())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields()).containsKey("billingDetails"));
        assertThatThrownBy(() -> payments.desk.start(account.id(), email, new NewTopUp("test-pay", FIFTY,
                Optional.of(new BillingDetails("", "", "Street 1", "Germany", "")), Optional.empty())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields()).containsOnlyKeys("billingDetails.name",
                        "billingDetails.country"));
        TopUp topUp = payments.desk.start(account.id(), email, new NewTopUp("test-pay", FIFTY,
                Optional.of(new BillingDetails("Ada Admin", "Example GmbH", "Street 1\n10115 Berlin", "DE", "DE123456789")), Optional.empty()));

        assertThat(topUp.billingDetails()).get().extracting(BillingDetails::country).isEqualTo("DE");
        List<MailRecord> operatorMail = payments.mailTo("ops@dmscloud.example");
        assertThat(operatorMail).hasSize(1);
        assertThat(operatorMail.get(0).body()).contains("Issue an invoice with dms:invoice-issue.", topUp.id().toString(), "50.00 EUR");
    }

    @Test
    void aPaymentIsCreditedExactlyOnceHoweverOftenItIsConfirmed() {
        TopUp topUp = start(FIFTY, Optional.empty());
        String reference = topUp.providerReference().orElseThrow();
        ReceivedPayment payment = new ReceivedPayment(reference, FIFTY, "webhook", "evt_1");

        TopUp paid = payments.book.recordPayment("test-pay", reference, payment);
        payments.book.recordPayment("test-pay", reference, payment);
        payments.book.recordPayment("test-pay", reference, new ReceivedPayment(reference, FIFTY, "webhook", "evt_2 (redelivered)"));

        assertThat(paid.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(paid.received()).isEqualTo(FIFTY);
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        List<LedgerEntry> ledger = payments.balances.ledger(account.id(), Long.MAX_VALUE, 10);
        assertThat(ledger).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(LedgerEntryType.TOP_UP);
            assertThat(entry.amount()).isEqualTo(FIFTY);
        });
        assertThat(payments.desk.payments(account.id(), topUp.id())).singleElement()
                .satisfies(p -> assertThat(p.ledgerEntryId()).isEqualTo(ledger.get(0).id()));
        assertThat(payments.mailTo(email)).extracting(MailRecord::kind).containsExactly("top-up-credited");
    }

    @Test
    void concurrentConfirmationsOfOnePaymentCreditItOnce() throws Exception {
        TopUp topUp = start(FIFTY, Optional.empty());
        String reference = topUp.providerReference().orElseThrow();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TopUp>> confirmations = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                confirmations.add(() -> payments.book.recordPayment("test-pay", reference, new ReceivedPayment(reference, FIFTY, "webhook", "")));
            }
            for (Future<TopUp> result : threads.invokeAll(confirmations)) {
                assertThat(result.get().status()).isEqualTo(TopUpStatus.PAID);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThat(payments.balances.ledger(account.id(), Long.MAX_VALUE, 100)).hasSize(1);
    }

    @Test
    void partialPaymentsAddUpAndAnOverpaymentIsCreditedAndShown() {
        TopUp topUp = start(Money.of("100.00", "EUR"), Optional.empty());
        String reference = topUp.providerReference().orElseThrow();

        TopUp partly = payments.book.recordPayment("test-pay", reference, new ReceivedPayment("bank-1", Money.of("40.00", "EUR"), "ops", ""));
        TopUp paid = payments.book.recordPayment("test-pay", reference, new ReceivedPayment("bank-2", Money.of("70.00", "EUR"), "ops", ""));

        assertThat(partly.status()).isEqualTo(TopUpStatus.PARTIALLY_PAID);
        assertThat(partly.outstanding()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(paid.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(paid.received()).isEqualTo(Money.of("110.00", "EUR"));
        assertThat(paid.overpaid()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(payments.reread(account).balance()).isEqualTo(Money.of("110.00", "EUR"));
    }

    @Test
    void moneyThatArrivesAfterACancellationIsStillCredited() {
        TopUp topUp = start(FIFTY, Optional.empty());
        payments.desk.cancel(account.id(), topUp.id());

        TopUp late = payments.book.recordPayment("test-pay", topUp.providerReference().orElseThrow(),
                new ReceivedPayment("bank-1", FIFTY, "ops", "transfer after cancellation"));

        assertThat(late.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
    }

    @Test
    void aFailureEndsATopUpThatReceivedNothingAndOnlyNotesOneThatDid() {
        TopUp nothing = start(FIFTY, Optional.empty());
        TopUp partly = start(Money.of("100.00", "EUR"), Optional.empty());
        payments.book.recordPayment("test-pay", partly.providerReference().orElseThrow(),
                new ReceivedPayment("bank-1", FIFTY, "ops", ""));

        TopUp failed = payments.book.recordFailure("test-pay", nothing.providerReference().orElseThrow(), "card declined");
        TopUp kept = payments.book.recordFailure("test-pay", partly.providerReference().orElseThrow(), "second transfer bounced");

        assertThat(failed.status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("card declined");
        assertThat(kept.status()).isEqualTo(TopUpStatus.PARTIALLY_PAID);
        assertThat(kept.detail()).isEqualTo("second transfer bounced");
    }

    @Test
    void reconciliationCreditsAPaymentWhoseNotificationWasLostAndOnlyOnce() {
        TopUp topUp = start(FIFTY, Optional.empty());
        payments.provider.pay(topUp.providerReference().orElseThrow());

        ReconciliationReport tooEarly = payments.desk.reconcileOpen(100);
        payments.clock.advance(Duration.ofMinutes(6));
        ReconciliationReport report = payments.desk.reconcileOpen(100);
        ReconciliationReport again = payments.desk.reconcileOpen(100);
        TopUp byTheLateWebhook = payments.book.recordPayment("test-pay", topUp.providerReference().get(),
                new ReceivedPayment(topUp.providerReference().get(), FIFTY, "webhook", "late"));

        assertThat(tooEarly.checked()).as("left to the webhook for a while").isZero();
        assertThat(report).isEqualTo(new ReconciliationReport(1, 1, 0, 0, 0));
        assertThat(again.checked()).isZero();
        assertThat(byTheLateWebhook.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThat(payments.balances.ledger(account.id(), Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void reconciliationMarksAnExpiredPaymentFailed() {
        TopUp topUp = start(FIFTY, Optional.empty());
        payments.provider.expire(topUp.providerReference().orElseThrow());

        TopUp reconciled = payments.desk.reconcile(topUp.id());

        assertThat(reconciled.status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(reconciled.detail()).isEqualTo("expired");
    }

    @Test
    void aTopUpLeftStartingByACrashIsStartedAgainUnderTheSameIdempotencyKeyOrFailsWhenTooOld() {
        TopUp first = start(FIFTY, Optional.empty());
        TopUp crashed = startingOnly();
        TopUp tooOld = startingOnly();
        payments.clock.advance(Duration.ofMinutes(2));

        TopUp resumed = payments.desk.reconcile(crashed.id());
        payments.clock.advance(Duration.ofMinutes(60));
        TopUp abandoned = payments.desk.reconcile(tooOld.id());

        assertThat(resumed.status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(resumed.providerReference()).isPresent().isNotEqualTo(first.providerReference());
        assertThat(abandoned.status()).isEqualTo(TopUpStatus.FAILED);
        assertThat(abandoned.detail()).contains("never confirmed");
    }

    @Test
    void aProviderFailureAtTheStartFailsTheTopUpWithAMessageForTheCustomer() {
        payments.provider.failNext = new PaymentProviderException("Card payments are unreachable. Nothing was charged.");

        assertThatThrownBy(() -> start(FIFTY, Optional.empty())).isInstanceOf(TopUpFailedException.class)
                .hasMessage("Card payments are unreachable. Nothing was charged.");
        payments.provider.failNext = new IllegalStateException("NullPointerException in plugin");
        assertThatThrownBy(() -> start(FIFTY, Optional.empty())).isInstanceOf(TopUpFailedException.class)
                .hasMessage("Test pay could not handle the payment. Nothing was charged; please try again later.");

        assertThat(payments.desk.list(account.id(), 10)).extracting(TopUp::status).containsOnly(TopUpStatus.FAILED).hasSize(2);
    }

    @Test
    void cancellingStopsThePaymentAtTheProviderOrFindsItPaidFirst() {
        TopUp open = start(FIFTY, Optional.empty());
        TopUp paidFirst = start(FIFTY, Optional.empty());
        payments.provider.pay(paidFirst.providerReference().orElseThrow());

        TopUp cancelled = payments.desk.cancel(account.id(), open.id());

        assertThat(cancelled.status()).isEqualTo(TopUpStatus.CANCELLED);
        assertThat(payments.provider.check(open.providerReference().orElseThrow()).status().name()).isEqualTo("FAILED");
        assertThatThrownBy(() -> payments.desk.cancel(account.id(), paidFirst.id())).isInstanceOf(TopUpStateException.class)
                .hasMessageContaining("paid before it could be cancelled");
        assertThat(payments.desk.find(account.id(), paidFirst.id())).get().extracting(TopUp::status).isEqualTo(TopUpStatus.PAID);
        assertThat(payments.reread(account).balance()).isEqualTo(FIFTY);
        assertThatThrownBy(() -> payments.desk.cancel(account.id(), cancelled.id())).isInstanceOf(TopUpStateException.class)
                .hasMessage("This top-up is cancelled; only an open top-up can be cancelled.");
    }

    @Test
    void anotherAccountsTopUpIsAsAbsentAsAMissingOne() {
        TopUp topUp = start(FIFTY, Optional.empty());
        Account other = payments.account();

        assertThat(payments.desk.find(other.id(), topUp.id())).isEmpty();
        assertThat(payments.desk.list(other.id(), 10)).isEmpty();
        assertThatThrownBy(() -> payments.desk.cancel(other.id(), topUp.id())).isInstanceOf(TopUpNotFoundException.class);
        assertThatThrownBy(() -> payments.desk.payments(other.id(), topUp.id())).isInstanceOf(TopUpNotFoundException.class);
        assertThatThrownBy(() -> payments.desk.documents(other.id(), topUp.id())).isInstanceOf(TopUpNotFoundException.class);
        assertThatThrownBy(() -> payments.desk.document(other.id(), topUp.id(), "X-000001")).isInstanceOf(TopUpNotFoundException.class);
        assertThat(payments.desk.find(account.id(), topUp.id()).orElseThrow().status()).isEqualTo(TopUpStatus.PENDING);
    }

    @Test
    void aDocumentIsNumberedStoredAndMailedWithItsFileInOneTransaction() {
        TopUp topUp = start(FIFTY, Optional.empty());
        String reference = topUp.providerReference().orElseThrow();
        String series = "INV-" + topUp.id().toString().substring(0, 8);

        TopUpDocument first = payments.book.issueDocument("test-pay", reference, template(series, false), false);
        assertThatThrownBy(() -> payments.book.issueDocument("test-pay", reference, template(series, false), false))
                .isInstanceOf(TopUpStateException.class).hasMessageContaining(series + "-000001");
        assertThatThrownBy(() -> payments.book.issueDocument("test-pay", reference, template(series, true), true))
                .hasMessageContaining("cannot render");
        TopUpDocument second = payments.book.issueDocument("test-pay", reference, template(series, false), true);

        assertThat(List.of(first.number(), second.number())).containsExactly(series + "-000001", series + "-000002");
        assertThat(payments.desk.documents(account.id(), topUp.id())).containsExactly(first, second);
        DocumentFile file = payments.desk.document(account.id(), topUp.id(), first.number()).orElseThrow();
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("document " + series + "-000001");
        List<MailRecord> mail = payments.mailTo(email);
        assertThat(mail).extracting(MailRecord::subject).containsExactly("Invoice " + series + "-000002", "Invoice " + series + "-000001");
        List<Attachment> attachments = payments.store.inTransaction(tx -> Outbox.in(tx).attachments(mail.get(1).id()));
        assertThat(attachments).singleElement().satisfies(a -> assertThat(a.fileName()).isEqualTo(series + "-000001.txt"));
    }

    @Test
    void twoOperatorsIssuingTheFirstDocumentAtOnceIssueOne() throws Exception {
        TopUp topUp = start(FIFTY, Optional.empty());
        String reference = topUp.providerReference().orElseThrow();
        String series = "ONE-" + topUp.id().toString().substring(0, 8);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            List<Future<TopUpDocument>> attempts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                attempts.add(operators.submit(() -> {
                    go.await();
                    return payments.book.issueDocument("test-pay", reference, template(series, false), false);
                }));
            }
            go.countDown();
            int issued = 0;
            int refused = 0;
            for (Future<TopUpDocument> attempt : attempts) {
                try {
                    attempt.get(30, TimeUnit.SECONDS);
                    issued++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TopUpStateException.class);
                    refused++;
                }
            }
            assertThat(List.of(issued, refused)).containsExactly(1, 1);
        } finally {
            operators.shutdownNow();
        }
        assertThat(payments.desk.documents(account.id(), topUp.id())).singleElement()
                .satisfies(document -> assertThat(document.number()).isEqualTo(series + "-000001"));
    }

    private TopUp start(Money amount, Optional<String> key) {
        return payments.desk.start(account.id(), email, new NewTopUp("test-pay", amount, Optional.empty(), key));
    }

    /** A top-up whose node died after recording it and before the provider answered. */
    private TopUp startingOnly() {
        Instant now = payments.clock.instant();
        TopUp topUp = new TopUp(org.dmscloud.api.payment.TopUpId.random(), account.id(), "test-pay", FIFTY, Money.zero(Payments.EUR),
                TopUpStatus.STARTING, Optional.empty(), Optional.empty(), "", Optional.empty(), email, "", now, now);
        payments.store.inTransaction(tx -> {
            TopUps.in(tx).insert(topUp, TenantId.DEFAULT, Optional.empty());
            return null;
        });
        return topUp;
    }

    private static DocumentTemplate template(String series, boolean failing) {
        return new DocumentTemplate() {
            @Override
            public String kind() {
                return "invoice";
            }

            @Override
            public String series() {
                return series;
            }

            @Override
            public RenderedDocument render(String number, TopUp topUp) {
                if (failing) {
                    throw new IllegalStateException("cannot render " + number);
                }
                return new RenderedDocument(number + ".txt", "text/plain", ("document " + number).getBytes(StandardCharsets.UTF_8),
                        "Invoice " + number, "Your invoice is attached.");
            }
        };
    }
}
