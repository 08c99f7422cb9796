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
import org.dmscloud.api.contact.ContactInbox;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;

@Service
@Command(scope = "dms", name = "contact-list", description = "Lists the latest Contact Us messages, newest first")
public class ContactListCommand implements Action {

    @Option(name = "--tenant", description = "Only the messages sent to this tenant")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--topic", description = "Only general, sales, support, billing or bank-transfer-top-up")
    String topic;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    ContactInbox inbox;

    @Override
    public Object execute() {
        Optional<ContactTopic> only = Optional.ofNullable(topic).map(name -> ContactTopic.fromWireName(name.trim())
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no topic: say general, sales, support, billing or bank-transfer-top-up")));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Received (UTC)");
        table.column("Tenant");
        table.column("From");
        table.column("Company");
        table.column("Topic");
        table.column("Message").maxSize(50);
        for (ContactMessage message : inbox.latest(Optional.ofNullable(tenant).map(t -> new TenantId(t.trim())), only, limit)) {
            table.addRow().addContent(message.id(), message.createdAt(), message.tenant(), message.name() + " <" + message.email() + ">", message.company(),
                    message.topic().wireName(), message.message().lines().findFirst().orElse(""));
        }
        table.print(System.out);
        return null;
    }
}
