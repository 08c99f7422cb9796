package org.dmscloud.payment.banktransfer.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.payment.banktransfer.internal.BankTransferInvoices;

@Service
@Command(scope = "dms", name = "invoice-issue", description = "Issues the PDF invoice for a bank-transfer top-up and mails it to the customer")
public class InvoiceIssueCommand implements Action {

    @Argument(index = 0, name = "top-up", required = true, description = "The top-up id, as the operators' mail and dms:topup-list show it")
    @Completion(OpenInvoiceTopUpCompleter.class)
    String topUp;

    @Option(name = "--again", description = "Issue another invoice although the top-up has one (e.g. after corrected billing details)")
    boolean again;

    @Reference
    BankTransferInvoices invoices;

    @Override
    public Object execute() {
        TopUpDocument invoice = invoices.issue(TopUpId.parse(topUp.trim()), again);
        System.out.println("Invoice " + invoice.number() + " issued for top-up " + invoice.topUp() + " and mailed to the customer ("
                + invoice.fileName() + ").");
        return null;
    }
}
