package org.dmscloud.payment.banktransfer.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What operators do with bank-transfer top-ups: issue the invoice, and record the money when the bank
 * statement shows it. The shell commands {@code dms:invoice-issue} and {@code dms:invoice-pay} call it.
 */
@Component(service = BankTransferInvoices.class)
public class BankTransferInvoices {

    private final TopUpAdministration topUps;
    private final TopUpSettlement settlement;
    private final Clock clock;

    /** The platform's bank account and each tenant's own. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<BankTransferProvider> accounts;

    @Activate
    public BankTransferInvoices(@Reference TopUpAdministration topUps, @Reference TopUpSettlement settlement, @Reference Clock clock) {
        this.topUps = topUps;
        this.settlement = settlement;
        this.clock = clock;
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
        BankTransferProvider seller = account(topUp.providerId()).orElseThrow(() -> new TopUpStateException("Top-up " + id
                + " was taken through " + topUp.providerId() + ", which is not installed now: its invoice cannot be made out."));
        InvoicePdf pdf = new InvoicePdf(InvoiceFonts.from(Path.of(seller.configuration().fontDirectory())));
        return settlement.issueDocument(seller.id(), topUp.providerReference().orElseThrow(), new InvoiceTemplate(seller, pdf, today), again);
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
        // A reference names one top-up, whichever bank account (the platform's or a tenant's) its invoice gave.
        TopUp topUp = accounts().stream().flatMap(account -> settlement.find(account.id(), parsed.compact()).stream()).findFirst()
                .orElseThrow(() -> new TopUpNotFoundException("with payment reference " + parsed.printed()));
        Money received = Money.of(amount, topUp.amount().currency());
        String transaction = bankTransactionId.strip();
        return settlement.recordPayment(topUp.providerId(), parsed.compact(),
                new ReceivedPayment(transaction, received, operator, "bank transaction " + transaction));
    }

    private TopUp bankTransfer(TopUpId id) {
        TopUp topUp = topUps.find(id).orElseThrow(() -> new TopUpNotFoundException(id.toString()));
        if (accounts().stream().noneMatch(account -> account.id().equals(topUp.providerId()))) {
            throw new TopUpStateException("Top-up " + id + " is paid through " + topUp.providerId() + ", not by bank transfer.");
        }
        return topUp;
    }

    /** The bank account a top-up was taken through, if installed. */
    public Optional<BankTransferProvider> account(String providerId) {
        return accounts().stream().filter(account -> account.id().equals(providerId)).findFirst();
    }

    private List<BankTransferProvider> accounts() {
        List<BankTransferProvider> installed = accounts;
        return installed == null ? List.of() : installed;
    }
}
