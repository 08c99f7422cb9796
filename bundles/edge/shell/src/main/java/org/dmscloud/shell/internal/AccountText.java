package org.dmscloud.shell.internal;

import org.dmscloud.api.account.AccountSummary;

/** How an account's state is printed by the commands that show or change one. */
final class AccountText {

    private AccountText() {
    }

    static void print(AccountSummary summary) {
        System.out.println("Account:   " + summary.account().id() + " (" + summary.account().displayName() + ", tenant "
                + summary.account().tenant() + ", since " + summary.account().createdAt() + ")");
        System.out.println("Balance:   " + summary.account().balance());
        System.out.println("Users:     " + (summary.users().isEmpty() ? "-" : String.join(", ", summary.users())));
        System.out.println("Status:    " + summary.status() + summary.lock().map(lock -> ", locked by " + lock.by() + " at " + lock.at()
                + ": " + lock.reason()).orElse(""));
    }
}
