package org.dmscloud.payment.banktransfer.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentTemplate;
import org.dmscloud.api.payment.TopUp;

/**
 * A bank-transfer invoice for a top-up, dated {@code issued}: numbered by the host in the year's series,
 * set in a PDF and mailed with the bank details and the payment reference in the text too.
 */
final class InvoiceTemplate implements DocumentTemplate {

    static final String KIND = "invoice";

    private final BankTransferProvider provider;
    private final InvoicePdf pdf;
    private final LocalDate issued;

    InvoiceTemplate(BankTransferProvider provider, InvoicePdf pdf, LocalDate issued) {
        this.provider = provider;
        this.pdf = pdf;
        this.issued = issued;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String series() {
        return provider.configuration().invoicePrefix() + "-" + issued.getYear();
    }

    @Override
    public RenderedDocument render(String number, TopUp topUp) {
        Invoice invoice = invoice(number, topUp);
        return new RenderedDocument("invoice-" + number + ".pdf", "application/pdf", pdf.render(invoice),
                "Invoice " + number + " for your " + brand() + " top-up of " + invoice.amount(), mailBody(invoice, topUp));
    }

    Invoice invoice(String number, TopUp topUp) {
        BankTransferConfiguration configuration = provider.configuration();
        BillingDetails billing = topUp.billingDetails().orElseThrow(
                () -> new IllegalStateException("top-up " + topUp.id() + " has no billing details to make out an invoice to"));
        PaymentReference reference = PaymentReference.parse(topUp.providerReference().orElseThrow(
                () -> new IllegalStateException("top-up " + topUp.id() + " has no payment reference yet")));

        List<String> seller = new ArrayList<>();
        seller.add(configuration.beneficiary());
        seller.addAll(provider.beneficiaryAddress());
        if (!configuration.beneficiaryVatId().isBlank()) {
            seller.add("VAT ID " + configuration.beneficiaryVatId());
        }
        List<String> buyer = new ArrayList<>();
        if (!billing.company().isBlank()) {
            buyer.add(billing.company());
        }
        buyer.add(billing.name());
        billing.address().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(buyer::add);
        buyer.add(new Locale("", billing.country()).getDisplayCountry(Locale.ENGLISH));
        if (!billing.vatId().isBlank()) {
            buyer.add("VAT ID " + billing.vatId());
        }
        return new Invoice(number, issued, issued.plusDays(Math.max(0, configuration.paymentTermDays())), seller, buyer,
                "Prepayment to the " + brand() + " balance of account " + topUp.customerEmail() + " (top-up " + topUp.id() + ")",
                topUp.amount(), topUp.received(), topUp.outstanding(),
                new Invoice.BankAccount(configuration.beneficiary(), configuration.iban(), configuration.bic(), configuration.bankName()),
                reference, configuration.invoiceNote());
    }

    private String brand() {
        return provider.configuration().brandName();
    }

    private String mailBody(Invoice invoice, TopUp topUp) {
        Invoice.BankAccount account = invoice.bankAccount();
        return "Hello " + topUp.billingDetails().map(BillingDetails::name).orElse("") + ",\n\n"
                + "thank you for your order. Attached is invoice " + invoice.number() + " for the top-up of your " + brand() + " balance.\n\n"
                + "Please transfer " + invoice.amountDue() + " by " + invoice.due() + " to\n\n"
                + "  Beneficiary:       " + account.beneficiary() + "\n"
                + "  IBAN:              " + Mod97.grouped(Mod97.compact(account.iban())) + "\n"
                + "  BIC:               " + Mod97.compact(account.bic()) + "\n"
                + "  Payment reference: " + invoice.reference().printed() + "\n\n"
                + "and quote the payment reference exactly, so that we can match your payment. Your balance is credited "
                + "as soon as the money arrives; you will get an email then.\n\n"
                + "The " + brand() + " team\n";
    }
}
