package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;

@Service
@Command(scope = "dms", name = "account-unlock", description = "Lifts an account's lock: its users may sign in again")
public class AccountUnlockCommand implements Action {

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Reference
    AccountAdministration accounts;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AccountText.print(accounts.unlock(AccountId.parse(account.trim()), OperatorName.of(session)));
        return null;
    }
}
