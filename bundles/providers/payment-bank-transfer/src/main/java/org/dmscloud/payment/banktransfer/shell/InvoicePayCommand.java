package org.dmscloud.payment.banktransfer.shell;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.payment.banktransfer.internal.BankTransferInvoices;

@Service
@Command(scope = "dms", name = "invoice-pay", description = "Records a bank transfer against an invoice's payment reference and credits it to the balance, "
        + "once per bank transaction")
public class InvoicePayCommand implements Action {

    @Argument(index = 0, name = "reference", required = true, description = "The payment reference, e.g. RF18539007547034 (quote it if it has spaces)")
    String reference;

    @Argument(index = 1, name = "amount", required = true, description = "The amount received, in the top-up's currency, e.g. 1500.00")
    String amount;

    @Argument(index = 2, name = "bank-transaction", required = true, description = "The bank statement's id for the transfer: "
            + "recording the same id again credits nothing")
    String bankTransaction;

    @Reference
    BankTransferInvoices invoices;

    @Reference
    Session session;

    @Override
    public Object execute() {
        BigDecimal received;
        try {
            received = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount; write it like 1500.00");
        }
        Object user = session.get("USER");
        TopUp topUp = invoices.recordPayment(reference, received, bankTransaction, user == null ? "karaf" : user.toString());
        System.out.println("Top-up " + topUp.id() + " is " + topUp.status() + ": " + topUp.received() + " of " + topUp.amount() + " received"
                + (topUp.outstanding().isPositive() ? ", " + topUp.outstanding() + " outstanding" : "")
                + (topUp.overpaid().isPositive() ? ", " + topUp.overpaid() + " paid beyond the invoice (credited too)" : "") + ".");
        return null;
    }
}
