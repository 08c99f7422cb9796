package org.dmscloud.mail.internal;

import java.time.Clock;
import java.util.List;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.UserRecord;
import org.dmscloud.persistence.UserStatus;
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

    @Activate
    public OutboxCustomerMail(@Reference Store store, @Reference Clock clock, @Reference TenantDirectory tenants,
            MailConfiguration configuration) {
        this(store, clock, tenants, Brands.platform(configuration));
    }

    /** Wired by hand, as the tests of the bundles that queue mail do. */
    public OutboxCustomerMail(Store store, Clock clock, TenantDirectory tenants, Brand platform) {
        this.store = store;
        this.clock = clock;
        this.brands = new Brands(tenants, platform);
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
    public void instanceDisabled(AccountId account, InstanceId instance, Money needed, Money balance) {
        store.inTransaction(tx -> {
            TenantId tenant = tenantOf(tx, account);
            String name = tx.instances().find(instance).map(i -> i.name()).orElse(instance.toString());
            queue(tx, tenant, recipients(tx, account), texts(tenant).instanceDisabled(name, needed, balance));
            return null;
        });
    }

    @Override
    public void topUpCredited(AccountId account, Money amount, Money balance) {
        store.inTransaction(tx -> {
            TenantId tenant = tenantOf(tx, account);
            queue(tx, tenant, recipients(tx, account), texts(tenant).topUpCredited(amount, balance));
            return null;
        });
    }

    @Override
    public void toAccount(AccountId account, String kind, String subject, String body, List<Attachment> attachments) {
        store.inTransaction(tx -> {
            TenantId tenant = tenantOf(tx, account);
            for (String recipient : recipients(tx, account)) {
                long mail = Outbox.in(tx).add(new OutgoingMail(tenant, brands.sender(tenant), kind, recipient, subject, body), clock.instant());
                attachments.forEach(attachment -> Outbox.in(tx).attach(mail, attachment));
            }
            return null;
        });
    }

    private MailTexts texts(TenantId tenant) {
        return new MailTexts(brands.of(tenant));
    }

    private static TenantId tenantOf(Transaction tx, AccountId account) {
        return tx.accounts().find(account).map(Account::tenant)
                .orElseThrow(() -> new IllegalArgumentException("there is no account " + account + " to mail"));
    }

    /** The account's users whose address is verified. */
    private static List<String> recipients(Transaction tx, AccountId account) {
        return tx.users().listByAccount(account).stream().filter(user -> user.status() == UserStatus.ACTIVE)
                .map(UserRecord::email).toList();
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
