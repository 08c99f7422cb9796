package org.dmscloud.mail.internal;

import java.time.Clock;
import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.UserRecord;
import org.dmscloud.persistence.UserStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Customer mail into the outbox. The store joins the caller's transaction, so a mail is queued exactly
 * when what causes it commits.
 */
@Component(service = CustomerMail.class, configurationPid = MailConfiguration.PID)
public class OutboxCustomerMail implements CustomerMail {

    private final Store store;
    private final Clock clock;
    private final MailTexts texts;

    @Activate
    public OutboxCustomerMail(@Reference Store store, @Reference Clock clock, MailConfiguration configuration) {
        this(store, clock, configuration.portalUrl());
    }

    /** Wired by hand, as the tests of the bundles that queue mail do. */
    public OutboxCustomerMail(Store store, Clock clock, String portalUrl) {
        this.store = store;
        this.clock = clock;
        this.texts = new MailTexts(portalUrl);
    }

    @Override
    public void verifyAddress(String email, String name, String token) {
        queue(List.of(email), texts.verifyAddress(name, token));
    }

    @Override
    public void alreadyRegistered(String email) {
        queue(List.of(email), texts.alreadyRegistered());
    }

    @Override
    public void resetPassword(String email, String name, String token) {
        queue(List.of(email), texts.resetPassword(name, token));
    }

    @Override
    public void instanceDisabled(AccountId account, InstanceId instance, Money needed, Money balance) {
        store.inTransaction(tx -> {
            String name = tx.instances().find(instance).map(i -> i.name()).orElse(instance.toString());
            queue(tx, recipients(tx, account), texts.instanceDisabled(name, needed, balance));
            return null;
        });
    }

    @Override
    public void topUpCredited(AccountId account, Money amount, Money balance) {
        store.inTransaction(tx -> {
            queue(tx, recipients(tx, account), texts.topUpCredited(amount, balance));
            return null;
        });
    }

    @Override
    public void toAccount(AccountId account, String kind, String subject, String body, List<Attachment> attachments) {
        store.inTransaction(tx -> {
            for (String recipient : recipients(tx, account)) {
                long mail = tx.outbox().add(kind, recipient, subject, body, clock.instant());
                attachments.forEach(attachment -> tx.outbox().attach(mail, attachment));
            }
            return null;
        });
    }

    /** The account's users whose address is verified. */
    private static List<String> recipients(Transaction tx, AccountId account) {
        return tx.users().listByAccount(account).stream().filter(user -> user.status() == UserStatus.ACTIVE)
                .map(UserRecord::email).toList();
    }

    private void queue(List<String> recipients, MailTexts.Text text) {
        store.inTransaction(tx -> {
            queue(tx, recipients, text);
            return null;
        });
    }

    private void queue(Transaction tx, List<String> recipients, MailTexts.Text text) {
        for (String recipient : recipients) {
            tx.outbox().add(text.kind(), recipient, text.subject(), text.body(), clock.instant());
        }
    }
}
