package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.instance.InstanceService;

@Service
@Command(scope = "dms", name = "account-show", description = "Shows an account: balance, users, lock, instances and latest ledger entries")
public class AccountShowCommand implements Action {

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--entries", description = "How many ledger entries (default 10)")
    int entries = 10;

    @Reference
    AccountAdministration accounts;

    @Reference
    InstanceService instances;

    @Reference
    BalanceService balances;

    @Override
    public Object execute() {
        AccountId id = AccountId.parse(account.trim());
        AccountSummary summary = accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        AccountText.print(summary);
        System.out.println();
        System.out.println("Instances:");
        InstanceText.table(instances.list(id)).print(System.out);
        System.out.println("Latest ledger entries:");
        ShellTable ledger = new ShellTable();
        ledger.column("Id");
        ledger.column("At (UTC)");
        ledger.column("Type");
        ledger.column("Amount").alignRight();
        ledger.column("Balance after").alignRight();
        ledger.column("Description");
        for (LedgerEntry entry : balances.ledger(id, Long.MAX_VALUE, Math.max(1, entries))) {
            ledger.addRow().addContent(entry.id(), entry.createdAt(), entry.type(), entry.amount(), entry.balanceAfter(), entry.description());
        }
        ledger.print(System.out);
        return null;
    }
}
