package org.dmscloud.api.billing;

import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** "Your balance covers N more days": the same measure for the portal's pages, the API and warnings to come. */
@ProviderType
public interface BalanceCoverage {

    /**
     * The account's coverage now, each enabled instance at the rate its pricing gives today (what the next daily run
     * charges). An instance its pricing cannot price today is left out of the total.
     *
     * @throws org.dmscloud.api.account.AccountNotFoundException if there is no such account
     */
    Coverage coverage(AccountId account);
}
