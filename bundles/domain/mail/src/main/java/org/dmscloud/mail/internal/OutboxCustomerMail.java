package org.dmscloud.mail.internal;

import java.time.Clock;
import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.AccountContacts;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Customer mail into the outbox, in the brand of the customer's tenant and from its sender. The store joins
 * the caller's transaction, so a mail is queued exactly when what causes it commits.
 */
@Component(service = CustomerMail.class, configurationPid = MailConfiguration.PID)
public class OutboxCustomerMail implements CustomerMail {

    private final Store store;
    private final Clock clock;
    private final Brands brands;
    private final AccountContacts contacts;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = MailTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public OutboxCustomerMail(@Reference Store store, @Reference Clock clock, @Reference TenantDirectory tenants,
            @Reference AccountContacts contacts, MailConfiguration configuration) {
        this(store, clock, tenants, contacts, Brands.platform(configuration));
    }

    /** Wired by hand, as the tests of the bundles that queue mail do. */
    public OutboxCustomerMail(Store store, Clock clock, TenantDirectory tenants, AccountContacts contacts, Brand platform) {
        this.store = store;
        this.clock = clock;
        this.brands = new Brands(tenants, platform);
        this.contacts = contacts;
    }

    @Override
    public void verifyAddress(TenantId tenant, String email, String name, String token) {
        queue(tenant, List.of(email), texts(tenant).verifyAddress(name, token));
    }

    @Override
    public void alreadyRegistered(TenantId tenant, String email) {
        queue(tenant, List.of(email), texts(tenant).alreadyRegistered());
    }

    @Override
    public void resetPassword(TenantId tenant, String email, String name, String token) {
        queue(tenant, List.of(email), texts(tenant).resetPassword(name, token));
    }

    @Override
    public void instanceDisabled(TenantId tenant, AccountId account, String instanceName, Money needed, Money balance) {
        queue(tenant, contacts.addresses(account), texts(tenant).instanceDisabled(instanceName, needed, balance));
    }

    @Override
    public void topUpCredited(TenantId tenant, AccountId account, Money amount, Money balance) {
        queue(tenant, contacts.addresses(account), texts(tenant).topUpCredited(amount, balance));
    }

    @Override
    public void toAccount(TenantId tenant, AccountId account, String kind, String subject, String body, List<Attachment> attachments) {
        List<String> recipients = contacts.addresses(account);
        store.inTransaction(tx -> {
            for (String recipient : recipients) {
                long mail = Outbox.in(tx).add(new OutgoingMail(tenant, brands.sender(tenant), kind, recipient, subject, body), clock.instant());
                attachments.forEach(attachment -> Outbox.in(tx).attach(mail, attachment));
            }
            return null;
        });
    }

    private MailTexts texts(TenantId tenant) {
        return new MailTexts(brands.of(tenant));
    }

    private void queue(TenantId tenant, List<String> recipients, MailTexts.Text text) {
        store.inTransaction(tx -> {
            queue(tx, tenant, recipients, text);
            return null;
        });
    }

    private void queue(Transaction tx, TenantId tenant, List<String> recipients, MailTexts.Text text) {
        for (String recipient : recipients) {
            Outbox.in(tx).add(new OutgoingMail(tenant, brands.sender(tenant), text.kind(), recipient, text.subject(), text.body()),
                    clock.instant());
        }
    }
}
