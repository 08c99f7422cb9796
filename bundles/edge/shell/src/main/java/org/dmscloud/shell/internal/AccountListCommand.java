package org.dmscloud.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;

@Service
@Command(scope = "dms", name = "account-list", description = "Lists accounts, newest first, found by a user's address, tenant or status")
public class AccountListCommand implements Action {

    @Option(name = "--email", description = "Only accounts with a user whose address contains this, in any case")
    String email;

    @Option(name = "--tenant", description = "Only this tenant's accounts")
    String tenant;

    @Option(name = "--status", description = "Only ACTIVE or LOCKED accounts")
    String status;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    AccountAdministration accounts;

    @Override
    public Object execute() {
        AccountQuery query = new AccountQuery(Optional.ofNullable(email), Optional.ofNullable(tenant).map(t -> new TenantId(t.trim())),
                Optional.ofNullable(status).map(name -> Choices.of(AccountStatus.class, name, "account status")), Math.max(1, limit));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created (UTC)");
        table.column("Tenant");
        table.column("Name");
        table.column("Users");
        table.column("Balance").alignRight();
        table.column("Instances").alignRight();
        table.column("Status");
        for (AccountSummary summary : accounts.search(query)) {
            table.addRow().addContent(summary.account().id(), summary.account().createdAt(), summary.account().tenant(),
                    summary.account().displayName(), String.join(", ", summary.users()), summary.account().balance(), summary.instances(),
                    summary.status());
        }
        table.print(System.out);
        return null;
    }
}
