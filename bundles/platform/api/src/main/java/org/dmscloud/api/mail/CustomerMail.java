package org.dmscloud.api.mail;

import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The mails customers get. Each call queues the mail in the outbox within the caller's transaction, if one
 * is running: it is sent if and only if what caused it is committed, and nothing is lost while SMTP is down.
 * Every mail speaks in the brand of the customer's tenant: its name, sender, support address and portal links.
 */
@ProviderType
public interface CustomerMail {

    /** The link that verifies a new registration's address. */
    void verifyAddress(TenantId tenant, String email, String name, String token);

    /** Someone registered again with an address that is already verified. */
    void alreadyRegistered(TenantId tenant, String email);

    /** The link that sets a new password. */
    void resetPassword(TenantId tenant, String email, String name, String token);

    /**
     * To the account's users: the daily run disabled an instance because the balance was short. The caller, who
     * knows the account, says whose tenant it is; the addresses come from {@link org.dmscloud.api.customer.AccountContacts}.
     */
    void instanceDisabled(TenantId tenant, AccountId account, String instanceName, Money needed, Money balance);

    /** To the account's users: money arrived on the balance. */
    void topUpCredited(TenantId tenant, AccountId account, Money amount, Money balance);

    /** To the account's users: a mail written by a plugin (e.g. an invoice from a payment provider), with its files. */
    void toAccount(TenantId tenant, AccountId account, String kind, String subject, String body, List<Attachment> attachments);
}
