package org.dmscloud.payments.internal;

import java.util.Optional;

import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.payment.BillingDetails;

/** Billing details an invoice can be made out to, or every problem with them named. */
final class BillingDetailsCheck {

    private BillingDetailsCheck() {
    }

    static void require(Optional<BillingDetails> details, String providerName) {
        if (details.isEmpty()) {
            new Inputs().problem("billingDetails", providerName + " needs your billing details for the invoice.").check();
            return;
        }
        BillingDetails billing = details.get();
        Inputs inputs = new Inputs()
                .text("billingDetails.name", billing.name(), 1, 200, "the name to address the invoice to")
                .text("billingDetails.company", billing.company(), 0, 200, "The company")
                .multilineText("billingDetails.address", billing.address(), 1, 1000, "the postal address")
                .text("billingDetails.vatId", billing.vatId(), 0, 32, "The VAT number");
        if (!BillingDetails.isCountry(billing.country())) {
            inputs.problem("billingDetails.country", "Enter the country as its two-letter code, such as DE or US.");
        }
        inputs.check();
    }
}
