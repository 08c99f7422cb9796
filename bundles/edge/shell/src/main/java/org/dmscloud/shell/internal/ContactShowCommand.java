package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.contact.ContactInbox;
import org.dmscloud.api.contact.ContactMessage;

@Service
@Command(scope = "dms", name = "contact-show", description = "Shows a Contact Us message in full")
public class ContactShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The message id, as dms:contact-list shows it")
    long id;

    @Reference
    ContactInbox inbox;

    @Override
    public Object execute() {
        ContactMessage message = inbox.find(id).orElseThrow(() -> new IllegalArgumentException("There is no Contact Us message " + id + "."));
        System.out.println("Tenant:   " + message.tenant());
        System.out.println("From:     " + message.name() + " <" + message.email() + ">");
        System.out.println("Company:  " + (message.company().isEmpty() ? "-" : message.company()));
        System.out.println("Topic:    " + message.topic().title());
        System.out.println("Received: " + message.createdAt() + " from " + message.clientAddress());
        System.out.println();
        System.out.println(message.message());
        return null;
    }
}
