package org.dmscloud.shell.internal;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.money.Money;

@Service
@Command(scope = "dms", name = "balance-adjust", description = "Credits (or, negative, debits) an account's balance, recorded as an admin adjustment")
public class BalanceAdjustCommand implements Action {

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Argument(index = 1, name = "amount", required = true, description = "In the account's currency, e.g. 100.00 or -5.50")
    String amount;

    @Option(name = "--reason", required = true, description = "Why, for the ledger and the customer")
    String reason;

    @Option(name = "--key", required = true, description = "An idempotency key: the same key never adjusts twice")
    String key;

    @Reference
    AccountService accounts;

    @Reference
    BalanceService balances;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AccountId id = AccountId.parse(account);
        Account found = accounts.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        Money money = Money.of(new BigDecimal(amount.trim()), found.balance().currency());
        LedgerEntry entry = balances.adjust(id, money, reason, OperatorName.of(session), key);
        System.out.println("Ledger entry " + entry.id() + ": " + entry.amount() + ", balance now " + entry.balanceAfter()
                + " (" + entry.description() + ")");
        return null;
    }
}
