package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.LedgerAudit;

@Service
@Command(scope = "dms", name = "billing-audit", description = "Compares every balance with the sum of its ledger and reports the accounts that differ")
public class BillingAuditCommand implements Action {

    @Option(name = "--limit", description = "How many differing accounts to list at most (default 100)")
    int limit = 100;

    @Reference
    BalanceService balances;

    @Override
    public Object execute() {
        LedgerAudit audit = balances.audit(Math.max(1, limit));
        if (audit.mismatches().isEmpty()) {
            System.out.println("All " + audit.accountsChecked() + " account balance(s) match their ledgers (" + audit.checkedAt() + ").");
            return null;
        }
        System.out.println(audit.mismatches().size() + " of " + audit.accountsChecked() + " account balance(s) differ from their ledgers ("
                + audit.checkedAt() + "):");
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Balance").alignRight();
        table.column("Ledger total").alignRight();
        table.column("Latest balance after").alignRight();
        for (LedgerAudit.Mismatch mismatch : audit.mismatches()) {
            table.addRow().addContent(mismatch.account(), mismatch.balance(), mismatch.ledgerTotal(),
                    mismatch.latestBalanceAfter().map(Object::toString).orElse("-"));
        }
        table.print(System.out);
        return null;
    }
}
