package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountId;

@Service
@Command(scope = "dms", name = "account-lock", description = "Locks an account: its users are signed out and cannot sign in; its instances and billing go on")
public class AccountLockCommand implements Action {

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--reason", required = true, description = "Why, kept with the lock")
    String reason;

    @Reference
    AccountAdministration accounts;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AccountText.print(accounts.lock(AccountId.parse(account.trim()), reason, OperatorName.of(session)));
        return null;
    }
}
