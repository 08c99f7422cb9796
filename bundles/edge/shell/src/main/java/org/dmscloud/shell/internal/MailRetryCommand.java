package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.mail.MailOutbox;

@Service
@Command(scope = "dms", name = "mail-retry", description = "Sends a pending or failed mail again at once")
public class MailRetryCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The mail's id (dms:mail-list)")
    long id;

    @Reference
    MailOutbox outbox;

    @Override
    public Object execute() {
        if (!outbox.retry(id)) {
            throw new IllegalArgumentException("Mail " + id + " is not in the outbox, or was sent already.");
        }
        System.out.println("Mail " + id + " will be sent again shortly (" + outbox.deliveryStatus() + ").");
        return null;
    }
}
