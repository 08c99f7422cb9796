package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpPayment;

@Service
@Command(scope = "dms", name = "topup-show", description = "Shows a top-up with its payments and documents")
public class TopUpShowCommand implements Action {

    @Argument(index = 0, name = "top-up", required = true, description = "The top-up id")
    @Completion(TopUpIdCompleter.class)
    String topUp;

    @Reference
    TopUpAdministration topUps;

    @Override
    public Object execute() {
        TopUpId id = TopUpId.parse(topUp.trim());
        TopUp found = topUps.find(id).orElseThrow(() -> new TopUpNotFoundException(id.toString()));
        TopUpText.print(found);
        System.out.println("Created:   " + found.createdAt() + ", updated " + found.updatedAt());
        System.out.println("Next step: " + found.instructions());
        found.paymentPage().ifPresent(page -> System.out.println("Pays at:   " + page));
        found.billingDetails().ifPresent(billing -> System.out.println("Bill to:   " + billing.name()
                + (billing.company().isEmpty() ? "" : ", " + billing.company()) + ", " + billing.address().replace('\n', ',') + ", "
                + billing.country() + (billing.vatId().isEmpty() ? "" : ", VAT ID " + billing.vatId())));
        System.out.println();
        System.out.println("Payments:");
        for (TopUpPayment payment : topUps.payments(id)) {
            System.out.println("  " + payment.receivedAt() + "  " + payment.amount() + "  " + payment.paymentKey() + "  by " + payment.recordedBy()
                    + "  (ledger entry " + payment.ledgerEntryId() + ")" + (payment.detail().isEmpty() ? "" : ": " + payment.detail()));
        }
        System.out.println("Documents:");
        for (TopUpDocument document : topUps.documents(id)) {
            System.out.println("  " + document.createdAt() + "  " + document.kind() + " " + document.number() + "  " + document.fileName());
        }
        return null;
    }
}
