package org.dmscloud.shell.internal;

import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpStatus;

@Service
@Command(scope = "dms", name = "topup-list", description = "Lists the latest top-ups of every account, newest first")
public class TopUpListCommand implements Action {

    @Option(name = "--status", description = "Only STARTING, PENDING, PARTIALLY_PAID, PAID, FAILED or CANCELLED top-ups")
    String status;

    @Option(name = "--tenant", description = "Only the top-ups of this tenant's customers")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--account", description = "Only this account's top-ups")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    TopUpAdministration topUps;

    @Override
    public Object execute() {
        Optional<TopUpStatus> only = Optional.ofNullable(status).map(name -> Choices.of(TopUpStatus.class, name, "top-up status"));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created (UTC)");
        table.column("Account");
        table.column("Customer");
        table.column("Provider");
        table.column("Amount").alignRight();
        table.column("Received").alignRight();
        table.column("Status");
        table.column("Reference");
        for (TopUp topUp : topUps.list(only, Optional.ofNullable(tenant).map(t -> new TenantId(t.trim())), Optional.ofNullable(account).map(a -> AccountId.parse(a.trim())), limit)) {
            table.addRow().addContent(topUp.id(), topUp.createdAt(), topUp.account(), topUp.customerEmail(), topUp.providerId(),
                    topUp.amount(), topUp.received(), topUp.status(), topUp.providerReference().orElse("-"));
        }
        table.print(System.out);
        return null;
    }
}
