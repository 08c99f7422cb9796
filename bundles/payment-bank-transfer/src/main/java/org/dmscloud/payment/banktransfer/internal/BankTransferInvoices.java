package org.dmscloud.payment.banktransfer.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpSettlement;
import org.dmscloud.api.payment.TopUpStateException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What operators do with bank-transfer top-ups: issue the invoice, and record the money when the bank
 * statement shows it. The shell commands {@code dms:invoice-issue} and {@code dms:invoice-pay} call it.
 */
@Component(service = BankTransferInvoices.class)
public class BankTransferInvoices {

    private final BankTransferProvider provider;
    private final TopUpAdministration topUps;
    private final TopUpSettlement settlement;
    private final Clock clock;
    private final InvoicePdf pdf;

    @Activate
    public BankTransferInvoices(@Reference BankTransferProvider provider, @Reference TopUpAdministration topUps,
            @Reference TopUpSettlement settlement, @Reference Clock clock) {
        this.provider = provider;
        this.topUps = topUps;
        this.settlement = settlement;
        this.clock = clock;
        this.pdf = new InvoicePdf(InvoiceFonts.from(Path.of(provider.configuration().fontDirectory())));
    }

    /**
     * Issues the invoice for an open bank-transfer top-up, dated today (UTC): numbered, stored with the
     * top-up and mailed to the account's users.
     *
     * @param again issue another one although the top-up has an invoice (e.g. after its billing details
     *              were corrected); without it a second invoice is refused
     * @throws TopUpStateException if the top-up is closed, or already invoiced and {@code again} is false
     */
    public TopUpDocument issue(TopUpId id, boolean again) {
        TopUp topUp = bankTransfer(id);
        if (!topUp.status().isOpen()) {
            throw new TopUpStateException("Top-up " + id + " is " + topUp.status() + ": only an open top-up is invoiced.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return settlement.issueDocument(BankTransferProvider.ID, topUp.providerReference().orElseThrow(),
                new InvoiceTemplate(provider, pdf, today), again);
    }

    /**
     * Records a transfer that arrived: credits it to the top-up's account once per bank transaction id.
     * Less than the amount leaves the top-up partially paid, more is credited in full and shown as
     * overpaid.
     *
     * @param reference the payment reference as the bank statement shows it (spaces and case do not matter)
     * @param amount    in the top-up's currency, major units
     * @throws IllegalArgumentException if the reference fails its check digits or the amount is not positive
     * @throws TopUpNotFoundException   if no bank-transfer top-up has this reference
     */
    public TopUp recordPayment(String reference, BigDecimal amount, String bankTransactionId, String operator) {
        PaymentReference parsed = PaymentReference.parse(reference);
        if (bankTransactionId == null || bankTransactionId.isBlank()) {
            throw new IllegalArgumentException("the bank transaction id is needed: it keeps the same transfer from being recorded twice");
        }
        TopUp topUp = settlement.find(BankTransferProvider.ID, parsed.compact())
                .orElseThrow(() -> new TopUpNotFoundException("with payment reference " + parsed.printed()));
        Money received = Money.of(amount, topUp.amount().currency());
        String transaction = bankTransactionId.strip();
        return settlement.recordPayment(BankTransferProvider.ID, parsed.compact(),
                new ReceivedPayment(transaction, received, operator, "bank transaction " + transaction));
    }

    private TopUp bankTransfer(TopUpId id) {
        TopUp topUp = topUps.find(id).orElseThrow(() -> new TopUpNotFoundException(id.toString()));
        if (!topUp.providerId().equals(BankTransferProvider.ID)) {
            throw new TopUpStateException("Top-up " + id + " is paid through " + topUp.providerId() + ", not by bank transfer.");
        }
        return topUp;
    }
}
