package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.mail.MailOutbox;
import org.dmscloud.api.mail.OutboxMail;

@Service
@Command(scope = "dms", name = "mail-show", description = "Shows one mail of the outbox with its text")
public class MailShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The mail's id (dms:mail-list)")
    long id;

    @Reference
    MailOutbox outbox;

    @Override
    public Object execute() {
        OutboxMail mail = outbox.find(id).orElseThrow(() -> new IllegalArgumentException("There is no mail " + id + " in the outbox."));
        System.out.println("Tenant:   " + mail.tenant());
        System.out.println("From:     " + mail.sender().orElse("(the platform's sender)"));
        System.out.println("To:       " + mail.recipient());
        System.out.println("Subject:  " + mail.subject());
        System.out.println("Status:   " + mail.status() + " after " + mail.attempts() + " attempt(s)"
                + mail.lastError().map(e -> ", last error: " + e).orElse(""));
        System.out.println("Created:  " + mail.createdAt() + mail.sentAt().map(at -> ", sent " + at).orElse(""));
        if (!mail.attachments().isEmpty()) {
            System.out.println("Files:    " + String.join(", ", mail.attachments()));
        }
        System.out.println();
        System.out.println(mail.body());
        return null;
    }
}
