package org.dmscloud.api.billing;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Quotes for every billable action (R11): the exact amount the action would charge or credit now, with
 * its breakdown. A quote changes nothing but is kept for a while, so that the action can carry its id.
 */
@ProviderType
public interface QuoteService {

    Quote quoteCreate(AccountId account, InstanceConfiguration configuration, boolean enabled);

    Quote quoteEnable(AccountId account, InstanceId instance);

    Quote quoteChangeSettings(AccountId account, InstanceId instance, InstanceConfiguration configuration);

    Quote quoteDelete(AccountId account, InstanceId instance);
}
