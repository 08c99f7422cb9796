package org.dmscloud.payment.banktransfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.payments.internal.Payments;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bank-transfer top-ups end to end below the shell: the customer's request, the operators' task, the
 * invoice PDF read back as text, and transfers recorded against the reference into the host's real
 * top-ups and ledger on H2.
 */
class BankTransferTopUpsTest {

    private static final Money THOUSAND = Money.of("1000.00", "EUR");
    private static final BillingDetails BILLING = new BillingDetails("Ada Lovelace", "Example GmbH",
            "Hauptstraße 1\n10115 Berlin", "DE", "DE123456789");
    private static final Map<String, Object> BANK = Map.of(
            "beneficiary", "DMS Cloud Ltd",
            "beneficiaryAddress", "1 Harbour Street|Dublin D02 XY45|Ireland",
            "beneficiaryVatId", "IE1234567T",
            "iban", "DE89 3704 0044 0532 0130 00",
            "bic", "COBADEFFXXX",
            "bankName", "Commerzbank",
            "invoiceNote", "Prepayment for services; VAT is invoiced with the monthly statement.");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final DataSource database = TestDatabases.h2();
    private Payments payments;
    private BankTransferProvider provider;
    private BankTransferInvoices invoices;

    @AfterEach
    void stop() {
        if (payments != null) {
            payments.close();
        }
    }

    /** Asking would only ever answer "pending", and used up the reconciliation's passes. */
    @Test
    void reconciliationDoesNotAskAboutTransfersWhichOnlyOperatorsRecord() {
        host(BANK);
        Account account = payments.account();
        request(account, THOUSAND);
        clock.advance(java.time.Duration.ofHours(1));

        assertThat(payments.desk.reconcileOpen(100).checked()).isZero();
    }

    @Test
    void aRequestIsPendingWithAPaymentReferenceAndTellsTheOperatorsToIssueTheInvoice() {
        host(BANK);
        Account account = payments.account();

        TopUp topUp = request(account, THOUSAND);

        assertThat(topUp.status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(topUp.providerReference()).contains(PaymentReference.of(topUp.id()).compact());
        assertThat(topUp.paymentPage()).isEmpty();
        assertThat(topUp.instructions()).contains("invoice", PaymentReference.of(topUp.id()).printed());
        assertThat(topUp.billingDetails()).contains(BILLING);
        List<MailRecord> operators = payments.mailTo("ops@dmscloud.example");
        assertThat(operators).singleElement().satisfies(mail -> assertThat(mail.body()).contains("dms:invoice-issue " + topUp.id(), "1000.00 EUR"));
    }

    @Test
    void theInvoiceIsANumberedPdfWithBankDetailsCustomerAmountAndReferenceMailedAndListed() throws IOException {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);

        TopUpDocument invoice = invoices.issue(topUp.id(), false);

        assertThat(invoice.number()).isEqualTo("DMS-2026-000001");
        assertThat(invoice.kind()).isEqualTo("invoice");
        assertThat(invoice.contentType()).isEqualTo("application/pdf");
        assertThat(payments.desk.documents(account.id(), topUp.id())).containsExactly(invoice);
        DocumentFile file = payments.desk.document(account.id(), topUp.id(), invoice.number()).orElseThrow();
        String text = text(file.content());
        assertThat(text).contains("INVOICE", "DMS-2026-000001", "26 November 2026", "10 December 2026",
                "DMS Cloud Ltd", "1 Harbour Street", "IE1234567T",
                "Example GmbH", "Ada Lovelace", "10115 Berlin", "Germany", "DE123456789",
                Payments.emailOf(account), topUp.id().toString(), "1000.00 EUR",
                "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Commerzbank",
                PaymentReference.of(topUp.id()).printed(), "VAT is invoiced with the monthly statement");
        assertThat(text).doesNotContain("Received so far");

        MailRecord mail = payments.mailTo(Payments.emailOf(account)).get(0);
        assertThat(mail.subject()).isEqualTo("Invoice DMS-2026-000001 for your DMS Cloud top-up of 1000.00 EUR");
        assertThat(mail.body()).contains("DE89 3704 0044 0532 0130 00", PaymentReference.of(topUp.id()).printed(), "2026-12-10");
        List<Attachment> attachments = payments.store.inTransaction(tx -> Outbox.in(tx).attachments(mail.id()));
        assertThat(attachments).singleElement().satisfies(pdf -> {
            assertThat(pdf.fileName()).isEqualTo("invoice-DMS-2026-000001.pdf");
            assertThat(pdf.content()).isEqualTo(file.content());
        });
    }

    @Test
    void aResellersCustomerGetsTheResellersInvoiceFromItsSeriesPaysIntoItsAccountAndCannotPayIntoAnothers() throws IOException {
        host(BANK);
        TenantId acme = payments.reseller("acme", false);
        Map<String, Object> acmeBank = new HashMap<>(BANK);
        acmeBank.putAll(Map.of("dms.tenant", "acme", "dms.payment.provider.id", "bank-transfer-acme", "beneficiary", "Acme Networks GmbH",
                "beneficiaryAddress", "2 Dock Road|Hamburg 20457|Germany", "iban", "GB82 WEST 1234 5698 7654 32", "bic", "WESTGB2L",
                "invoicePrefix", "ACME", "brandName", "Acme DMS"));
        TenantBankTransferProvider acmes = new TenantBankTransferProvider(Configurations.of(BankTransferConfiguration.class, acmeBank));
        payments.register(acmes, Optional.of(acme));
        invoices.accounts = List.of(provider, acmes);
        Account customer = payments.account(acme);

        assertThatThrownBy(() -> request(customer, THOUSAND)).as("the platform's account, which Acme does not let its customers use")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("There is no payment provider 'bank-transfer'");
        TopUp topUp = payments.desk.start(customer.id(), Payments.emailOf(customer),
                new NewTopUp("bank-transfer-acme", THOUSAND, Optional.of(BILLING), Optional.empty()));
        TopUpDocument invoice = invoices.issue(topUp.id(), false);

        assertThat(invoice.number()).isEqualTo("ACME-2026-000001");
        String text = text(payments.desk.document(customer.id(), topUp.id(), invoice.number()).orElseThrow().content());
        assertThat(text).contains("Acme Networks GmbH", "2 Dock Road", "GB82 WEST 1234 5698 7654 32", "Acme DMS balance")
                .doesNotContain("DMS Cloud", "DE89 3704");
        MailRecord mail = payments.mailTo(Payments.emailOf(customer)).get(0);
        assertThat(mail.subject()).isEqualTo("Invoice ACME-2026-000001 for your Acme DMS top-up of 1000.00 EUR");
        assertThat(mail.sender()).hasValueSatisfying(sender -> assertThat(sender).contains("noreply@acme.example"));

        TopUp paid = invoices.recordPayment(PaymentReference.of(topUp.id()).printed(), new BigDecimal("1000.00"), "ACME-TX-1", "operator");
        assertThat(paid.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(paid.providerId()).isEqualTo("bank-transfer-acme");
        assertThat(payments.reread(customer).balance()).isEqualTo(THOUSAND);
    }

    @Test
    void aTenantsBankAccountMustNameItsTenantAndIdAndNumberItsInvoicesInItsOwnSeries() {
        Map<String, Object> noTenant = new HashMap<>(BANK);
        noTenant.put("dms.payment.provider.id", "bank-transfer-acme");
        Map<String, Object> platformPrefix = new HashMap<>(BANK);
        platformPrefix.putAll(Map.of("dms.tenant", "acme", "dms.payment.provider.id", "bank-transfer-acme"));
        Map<String, Object> platformId = new HashMap<>(BANK);
        platformId.putAll(Map.of("dms.tenant", "acme", "dms.payment.provider.id", "bank-transfer", "invoicePrefix", "ACME"));

        assertThatThrownBy(() -> new TenantBankTransferProvider(Configurations.of(BankTransferConfiguration.class, noTenant)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id");
        assertThatThrownBy(() -> new TenantBankTransferProvider(Configurations.of(BankTransferConfiguration.class, platformPrefix)))
                .hasMessageContaining("series of its own");
        assertThatThrownBy(() -> new TenantBankTransferProvider(Configurations.of(BankTransferConfiguration.class, platformId)))
                .hasMessageContaining("no provider id of its own");
    }

    @Test
    void aSecondInvoiceForTheSameTopUpIsRefusedUnlessAskedForAndNumbersRunOnWithoutGaps() {
        host(BANK);
        Account account = payments.account();
        TopUp first = request(account, THOUSAND);
        TopUp second = request(account, Money.of("250.00", "EUR"));

        assertThat(invoices.issue(first.id(), false).number()).isEqualTo("DMS-2026-000001");
        assertThatThrownBy(() -> invoices.issue(first.id(), false)).isInstanceOf(TopUpStateException.class)
                .hasMessageContaining("has its invoice already: DMS-2026-000001");
        assertThat(invoices.issue(second.id(), false).number()).isEqualTo("DMS-2026-000002");
        assertThat(invoices.issue(first.id(), true).number()).isEqualTo("DMS-2026-000003");

        clock.set(Instant.parse("2027-01-02T08:00:00Z"));
        TopUp next = request(account, THOUSAND);
        assertThat(invoices.issue(next.id(), false).number()).isEqualTo("DMS-2027-000001");
    }

    @Test
    void theTransferIsCreditedOnceHoweverOftenItIsRecorded() {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);
        invoices.issue(topUp.id(), false);
        String reference = PaymentReference.of(topUp.id()).printed().toLowerCase();

        TopUp paid = invoices.recordPayment(reference, new BigDecimal("1000.00"), "2026-11-30/17", "operator-jane");
        TopUp again = invoices.recordPayment(reference, new BigDecimal("1000.00"), "2026-11-30/17", "operator-joe");

        assertThat(paid.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(again).isEqualTo(paid);
        assertThat(payments.reread(account).balance()).isEqualTo(THOUSAND);
        List<LedgerEntry> ledger = payments.balances.ledger(account.id(), Long.MAX_VALUE, 10);
        assertThat(ledger).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualTo(THOUSAND);
            assertThat(entry.balanceAfter()).isEqualTo(THOUSAND);
        });
        assertThat(payments.desk.payments(account.id(), topUp.id())).singleElement().satisfies(payment -> {
            assertThat(payment.paymentKey()).isEqualTo("bank-transfer/2026-11-30/17");
            assertThat(payment.recordedBy()).isEqualTo("operator-jane");
            assertThat(payment.detail()).isEqualTo("bank transaction 2026-11-30/17");
        });
        assertThat(payments.mailTo(Payments.emailOf(account))).filteredOn(mail -> mail.subject().startsWith("We received your payment")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("We received your payment of 1000.00 EUR"));
    }

    @Test
    void partialAndOverPaymentsAreEachCreditedAndVisible() throws IOException {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);
        String reference = topUp.providerReference().orElseThrow();

        TopUp partly = invoices.recordPayment(reference, new BigDecimal("400.00"), "tx-1", "operator-jane");
        assertThat(partly.status()).isEqualTo(TopUpStatus.PARTIALLY_PAID);
        assertThat(partly.outstanding()).isEqualTo(Money.of("600.00", "EUR"));
        assertThat(payments.reread(account).balance()).isEqualTo(Money.of("400.00", "EUR"));

        // An invoice issued now asks for what is still due.
        TopUpDocument invoice = invoices.issue(topUp.id(), false);
        String text = text(payments.desk.document(account.id(), topUp.id(), invoice.number()).orElseThrow().content());
        assertThat(text).contains("Received so far", "400.00 EUR", "Amount due", "600.00 EUR");

        TopUp over = invoices.recordPayment(reference, new BigDecimal("650.00"), "tx-2", "operator-jane");
        assertThat(over.status()).isEqualTo(TopUpStatus.PAID);
        assertThat(over.received()).isEqualTo(Money.of("1050.00", "EUR"));
        assertThat(over.overpaid()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(payments.reread(account).balance()).isEqualTo(Money.of("1050.00", "EUR"));
        assertThat(payments.desk.payments(account.id(), topUp.id())).hasSize(2);
        assertThatThrownBy(() -> invoices.issue(topUp.id(), true)).isInstanceOf(TopUpStateException.class).hasMessageContaining("PAID");
    }

    @Test
    void aMistypedOrUnknownReferenceOrABadAmountChangesNothing() {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);
        String reference = topUp.providerReference().orElseThrow();
        // One digit typed wrong: the check digits catch every such slip.
        char last = reference.charAt(reference.length() - 1);
        String mistyped = reference.substring(0, reference.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        assertThatThrownBy(() -> invoices.recordPayment(mistyped, new BigDecimal("1000.00"), "tx", "op"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check it for typing mistakes");
        assertThatThrownBy(() -> invoices.recordPayment("RF18 5390 0754 7034", new BigDecimal("1000.00"), "tx", "op"))
                .isInstanceOf(TopUpNotFoundException.class).hasMessageContaining("RF18 5390 0754 7034");
        assertThatThrownBy(() -> invoices.recordPayment(reference, new BigDecimal("10.001"), "tx", "op"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimals");
        assertThatThrownBy(() -> invoices.recordPayment(reference, new BigDecimal("-5"), "tx", "op"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> invoices.recordPayment(reference, new BigDecimal("5"), " ", "op"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank transaction");

        assertThat(payments.reread(account).balance().isZero()).isTrue();
        assertThat(payments.desk.find(account.id(), topUp.id()).orElseThrow().status()).isEqualTo(TopUpStatus.PENDING);
    }

    @Test
    void aCancelledTopUpIsNotInvoicedButATransferThatStillArrivesIsCredited() {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);

        TopUp cancelled = payments.desk.cancel(account.id(), topUp.id());

        assertThat(cancelled.status()).isEqualTo(TopUpStatus.CANCELLED);
        assertThatThrownBy(() -> invoices.issue(topUp.id(), false)).isInstanceOf(TopUpStateException.class).hasMessageContaining("CANCELLED");
        TopUp late = invoices.recordPayment(topUp.providerReference().orElseThrow(), new BigDecimal("1000.00"), "tx-late", "op");
        assertThat(late.received()).isEqualTo(THOUSAND);
        assertThat(payments.reread(account).balance()).isEqualTo(THOUSAND);
    }

    @Test
    void reconciliationLeavesATransferPendingUntilAnOperatorRecordsIt() {
        host(BANK);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);

        TopUp checked = payments.desk.reconcile(topUp.id());

        assertThat(checked.status()).isEqualTo(TopUpStatus.PENDING);
        assertThat(payments.reread(account).balance().isZero()).isTrue();
    }

    @Test
    void withoutBankDetailsOrWithAnInvalidIbanBankTransfersAreUnavailableAndSayWhy() {
        host(Map.of());
        assertThat(provider.availability().available()).isFalse();
        assertThat(provider.availability().reason()).contains("beneficiary", BankTransferConfiguration.PID);
        Account account = payments.account();
        assertThatThrownBy(() -> request(account, THOUSAND)).isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(payments.reread(account).balance().isZero()).isTrue();

        Map<String, Object> badIban = new HashMap<>(BANK);
        badIban.put("iban", "DE89 3704 0044 0532 0130 01");
        assertThat(new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, badIban)).availability().reason())
                .contains("iban", "check digits");
        // Right check digits on a German IBAN one digit too long passed a regex of 15 to 34 characters.
        String tooLong = "3704004405320130001";
        Map<String, Object> wrongLength = new HashMap<>(BANK);
        wrongLength.put("iban", "DE" + Mod97.checkDigits("DE", tooLong) + tooLong);
        assertThat(Mod97.isValid((String) wrongLength.get("iban"))).as("its check digits are right").isTrue();
        assertThat(new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, wrongLength)).availability().reason())
                .contains("iban", "length");
        Map<String, Object> british = new HashMap<>(BANK);
        british.put("iban", "GB82 WEST 1234 5698 7654 32");
        assertThat(new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, british)).availability().available()).isTrue();
        Map<String, Object> badBic = new HashMap<>(BANK);
        badBic.put("bic", "COBA");
        assertThat(new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, badBic)).availability().reason())
                .contains("bic");
    }

    @Test
    void aTopUpIsTakenWithinTheConfiguredLimitsInTheConfiguredCurrenciesWithBillingDetails() {
        host(BANK);
        assertThat(provider.limits(Payments.EUR)).hasValueSatisfying(limits -> {
            assertThat(limits.minimum()).isEqualTo(Money.of("100.00", "EUR"));
            assertThat(limits.maximum()).isEqualTo(Money.of("100000.00", "EUR"));
        });
        assertThat(provider.limits(java.util.Currency.getInstance("USD"))).isEmpty();
        assertThat(provider.needsBillingDetails()).isTrue();
        Account account = payments.account();
        assertThatThrownBy(() -> payments.desk.start(account.id(), Payments.emailOf(account),
                new NewTopUp(BankTransferProvider.ID, THOUSAND, Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(account, Money.of("99.99", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesInAnyScriptArePrintedWithTheEmbeddedFont() throws IOException {
        Path fonts = Path.of(new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, BANK)).configuration().fontDirectory());
        assumeTrue(Files.isReadable(fonts.resolve("DejaVuSans.ttf")), "DejaVu Sans is installed (Debian: fonts-dejavu-core)");
        host(BANK);
        Account account = payments.account();
        BillingDetails greek = new BillingDetails("Ελένη Παπαδοπούλου", "Łódź Telekom Sp. z o.o.", "ул. Тверская 1\nМосква", "PL", "");
        TopUp topUp = payments.desk.start(account.id(), Payments.emailOf(account),
                new NewTopUp(BankTransferProvider.ID, THOUSAND, Optional.of(greek), Optional.empty()));

        TopUpDocument invoice = invoices.issue(topUp.id(), false);

        String text = text(payments.desk.document(account.id(), topUp.id(), invoice.number()).orElseThrow().content());
        assertThat(text).contains("Ελένη Παπαδοπούλου", "Łódź Telekom Sp. z o.o.", "ул. Тверская 1", "Москва", "Poland");
    }

    @Test
    void withoutTheEmbeddedFontWesternEuropeanNamesStillPrint() throws IOException {
        Map<String, Object> helvetica = new HashMap<>(BANK);
        helvetica.put("fontDirectory", "/nonexistent");
        host(helvetica);
        Account account = payments.account();
        TopUp topUp = request(account, THOUSAND);

        TopUpDocument invoice = invoices.issue(topUp.id(), false);

        String text = text(payments.desk.document(account.id(), topUp.id(), invoice.number()).orElseThrow().content());
        assertThat(text).contains("Hauptstraße 1", "Ada Lovelace", "DMS-2026-000001");
    }

    private TopUp request(Account account, Money amount) {
        return payments.desk.start(account.id(), Payments.emailOf(account),
                new NewTopUp(BankTransferProvider.ID, amount, Optional.of(BILLING), Optional.empty()));
    }

    private void host(Map<String, Object> configuration) {
        provider = new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, configuration));
        payments = new Payments(database, clock, provider);
        invoices = new BankTransferInvoices(payments.desk, payments.book, clock);
        invoices.accounts = List.of(provider);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Lines wrap at a space (which the text loses) or after a hyphen (which it keeps).
            return new PDFTextStripper().getText(document).replace("-\n", "-").replace("\n", " ");
        }
    }
}
