package org.dmscloud.api.mail;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Mail to the people who operate the platform (the addresses in the mail configuration), queued in the
 * outbox within the caller's transaction like customer mail.
 */
@ProviderType
public interface OperatorMail {

    /**
     * Tells the operators something that needs them. Without operator addresses configured nothing is
     * queued and a warning is logged; what the mail is about stays visible in the shell.
     */
    void notifyOperators(String kind, String subject, String body);

    /**
     * Tells the people who serve a tenant's customers something that needs them (a Contact Us message): a
     * reseller's support address, or the platform's operators for the default tenant.
     */
    void notifyTenant(TenantId tenant, String kind, String subject, String body);
}
