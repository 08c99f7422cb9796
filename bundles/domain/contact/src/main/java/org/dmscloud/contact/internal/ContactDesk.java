package org.dmscloud.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactInbox;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactRateLimitException;
import org.dmscloud.api.contact.ContactService;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.api.contact.NewContactMessage;
import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Contact Us messages: checks them as a person would want to be told, counts what came lately
 * (in the database, so that the limit holds across nodes, and per client address whichever tenant it writes to),
 * stores the message as the tenant's and queues its mail to the tenant's people in one transaction.
 */
@Component(service = { ContactService.class, ContactInbox.class }, configurationPid = ContactConfiguration.PID)
@Designate(ocd = ContactConfiguration.class)
public class ContactDesk implements ContactService, ContactInbox {

    static final int MAX_NAME = 200;
    static final int MAX_MESSAGE = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ContactDesk.class);
    private static final String TOPICS = Arrays.stream(ContactTopic.values()).map(ContactTopic::wireName).collect(Collectors.joining(", "));

    private final Store store;
    private final Clock clock;
    private final OperatorMail operators;
    private final ContactConfiguration configuration;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = ContactTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public ContactDesk(@Reference Store store, @Reference Clock clock, @Reference OperatorMail operators, ContactConfiguration configuration) {
        this.store = store;
        this.clock = clock;
        this.operators = operators;
        this.configuration = configuration;
    }

    @Override
    public ContactMessage submit(TenantId tenant, NewContactMessage message, String clientAddress) {
        Optional<ContactTopic> topic = ContactTopic.fromWireName(message.topic() == null ? "" : message.topic().trim());
        Inputs inputs = new Inputs()
                .text("name", message.name(), 1, MAX_NAME, "your name")
                .email(message.email())
                .text("company", message.company(), 0, MAX_NAME, "The company name")
                .multilineText("message", message.message(), 1, MAX_MESSAGE, "your message");
        if (topic.isEmpty()) {
            inputs.problem("topic", "Choose a topic: " + TOPICS + ".");
        }
        // Name and company go into the operators' mail subject, where a line break could forge headers.
        if (hasLineBreak(message.name())) {
            inputs.problem("name", "Enter your name on one line.");
        }
        if (hasLineBreak(message.company())) {
            inputs.problem("company", "Enter the company name on one line.");
        }
        inputs.check();

        String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        return store.inTransaction(tx -> {
            Instant now = clock.instant();
            Duration window = Duration.ofMinutes(Math.max(1, configuration.windowMinutes()));
            Instant since = now.minus(window);
            if (ContactMessages.in(tx).countSince(Optional.of(address), since) >= configuration.maxPerAddress()) {
                throw new ContactRateLimitException("You have sent us several messages in a short time. Please wait a while before "
                        + "writing again; we read every message.", window);
            }
            if (ContactMessages.in(tx).countSince(Optional.empty(), since) >= configuration.maxOverall()) {
                LOG.warn("Contact Us refused a message: more than {} in {} minutes from everywhere", configuration.maxOverall(),
                        window.toMinutes());
                throw new ContactRateLimitException("We are receiving very many messages right now. Please try again later.", window);
            }
            ContactMessage stored = ContactMessages.in(tx).add(new ContactMessage(0, tenant, message.name().strip(),
                    Inputs.normalizeEmail(message.email()), message.company() == null ? "" : message.company().strip(), topic.get(),
                    message.message().strip(), address, now));
            operators.notifyTenant(tenant, "contact", subject(stored), body(stored));
            return stored;
        });
    }

    @Override
    public List<ContactMessage> latest(Optional<TenantId> tenant, Optional<ContactTopic> topic, int limit) {
        return store.inTransaction(tx -> ContactMessages.in(tx).latest(tenant, topic, Math.max(1, Math.min(limit, 1000))));
    }

    @Override
    public Optional<ContactMessage> find(long id) {
        return store.inTransaction(tx -> ContactMessages.in(tx).find(id));
    }

    private static boolean hasLineBreak(String text) {
        return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0);
    }

    private static String subject(ContactMessage message) {
        String from = message.company().isEmpty() ? message.name() : message.name() + ", " + message.company();
        return "Contact Us (" + message.topic().title() + "): " + from;
    }

    private static String body(ContactMessage message) {
        return "A message came through the Contact Us form.\n\n"
                + "From:    " + message.name() + " <" + message.email() + ">\n"
                + "Company: " + (message.company().isEmpty() ? "-" : message.company()) + "\n"
                + "Topic:   " + message.topic().title() + "\n"
                + "Sent:    " + message.createdAt() + " from " + message.clientAddress() + "\n\n"
                + message.message() + "\n\n"
                + "Reply to " + message.email() + ". In the shell: dms:contact-show " + message.id() + "\n";
    }
}
