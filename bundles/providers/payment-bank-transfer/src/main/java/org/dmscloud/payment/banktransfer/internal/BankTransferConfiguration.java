package org.dmscloud.payment.banktransfer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud bank-transfer top-ups", description = "Top-ups paid by bank transfer against an invoice, into "
        + "the platform's bank account (etc/org.dmscloud.payment.banktransfer.cfg) or a tenant's own "
        + "(etc/org.dmscloud.payment.banktransfer.tenant-<name>.cfg).")
public @interface BankTransferConfiguration {

    /** The platform's bank account. */
    String PID = "org.dmscloud.payment.banktransfer";

    /** A tenant's own bank account: one factory configuration each. */
    String TENANT_FACTORY_PID = "org.dmscloud.payment.banktransfer.tenant";

    // No defaults: a default would be a service property of the platform's account too, as if it were a tenant's.
    @AttributeDefinition(required = false, name = "dms.tenant", description = "A tenant's own account only: the id of the tenant whose customers pay into it.")
    String dms_tenant();

    @AttributeDefinition(required = false, name = "dms.payment.provider.id", description = "A tenant's own account only: the provider's id, unique on the "
            + "platform, such as bank-transfer-acme.")
    String dms_payment_provider_id();

    @AttributeDefinition(description = "The service's name on invoices and in their mail: the platform's, or the reseller's brand.")
    String brandName() default "DMS Cloud";

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
