package org.dmscloud.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.MailOutbox;
import org.dmscloud.api.mail.OutboxMail;

@Service
@Command(scope = "dms", name = "mail-list", description = "Lists the latest mails in the outbox, newest first")
public class MailListCommand implements Action {

    @Option(name = "--tenant", description = "Only the mails of this tenant's customers and people")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--status", description = "Only PENDING, SENDING, SENT or FAILED mails")
    String status;

    @Option(name = "--to", description = "Only mails to this address")
    String recipient;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    MailOutbox outbox;

    @Override
    public Object execute() {
        System.out.println("Delivery: " + outbox.deliveryStatus());
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created (UTC)");
        table.column("Tenant");
        table.column("To");
        table.column("Kind");
        table.column("Status");
        table.column("Attempts");
        table.column("Subject");
        for (OutboxMail mail : outbox.latest(Optional.ofNullable(tenant).map(t -> new TenantId(t.trim())), Optional.ofNullable(status), Optional.ofNullable(recipient), limit)) {
            table.addRow().addContent(mail.id(), mail.createdAt(), mail.tenant(), mail.recipient(), mail.kind(), mail.status(), mail.attempts(),
                    mail.subject());
        }
        table.print(System.out);
        return null;
    }
}
