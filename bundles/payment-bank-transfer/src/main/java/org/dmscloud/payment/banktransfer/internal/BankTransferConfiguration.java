package org.dmscloud.payment.banktransfer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud bank-transfer top-ups", description = "Top-ups paid by bank transfer against an invoice.")
public @interface BankTransferConfiguration {

    String PID = "org.dmscloud.payment.banktransfer";

    @AttributeDefinition(description = "Who receives the transfers: the company name printed on invoices. Empty: bank transfers are unavailable.")
    String beneficiary() default "";

    @AttributeDefinition(description = "The beneficiary's postal address; lines separated by '|'.")
    String beneficiaryAddress() default "";

    @AttributeDefinition(description = "The beneficiary's VAT identification number, printed on invoices; may be empty.")
    String beneficiaryVatId() default "";

    @AttributeDefinition(description = "The account the transfers go to. Empty or invalid: bank transfers are unavailable.")
    String iban() default "";

    @AttributeDefinition(description = "The bank's BIC (SWIFT code).")
    String bic() default "";

    @AttributeDefinition(description = "The bank's name.")
    String bankName() default "";

    @AttributeDefinition(description = "Days between an invoice's date and its due date.")
    int paymentTermDays() default 14;

    @AttributeDefinition(description = "Currencies taken, ISO codes separated by commas.")
    String currencies() default "EUR";

    @AttributeDefinition(description = "Smallest top-up, in major units of the account's currency.")
    String minimum() default "100.00";

    @AttributeDefinition(description = "Largest top-up, in major units of the account's currency.")
    String maximum() default "100000.00";

    @AttributeDefinition(description = "Invoice numbers are this prefix, the year of issue and a number counted without gaps in that year, "
            + "e.g. DMS-2026-000042.")
    String invoicePrefix() default "DMS";

    @AttributeDefinition(description = "Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are, so that invoices print any customer's name; "
            + "without them invoices use Helvetica, which prints Western European letters only.")
    String fontDirectory() default "/usr/share/fonts/truetype/dejavu";

    @AttributeDefinition(description = "A closing remark printed on every invoice, e.g. how VAT applies; may be empty.")
    String invoiceNote() default "";
}
