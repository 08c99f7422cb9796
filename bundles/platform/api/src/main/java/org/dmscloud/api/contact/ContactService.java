package org.dmscloud.api.contact;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** The Contact Us form's receiver: anyone may write, within a rate limit. */
@ProviderType
public interface ContactService {

    /**
     * Validates, stores and mails a message to the people who serve the tenant, in one transaction.
     *
     * @param clientAddress where it came from
     * @throws org.dmscloud.api.customer.InvalidInputException naming each field a person must correct
     * @throws ContactRateLimitException                       if too many messages came lately
     */
    ContactMessage submit(TenantId tenant, NewContactMessage message, String clientAddress);
}
