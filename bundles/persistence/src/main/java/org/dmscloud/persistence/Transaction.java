package org.dmscloud.persistence;

import org.osgi.annotation.versioning.ProviderType;

/** The repositories, all working in the one transaction this object stands for. */
@ProviderType
public interface Transaction {


    Accounts accounts();

    AccountDirectory accountDirectory();

    Instances instances();

    Ledger ledger();

    Quotes quotes();

    IdempotentActions idempotentActions();

    BillingRuns billingRuns();

    DailyBilling dailyBilling();

    Users users();

    Tokens tokens();

    SignInFailures signInFailures();

    Sessions sessions();




    /**
     * The JDBC connection this transaction runs on, for a bundle's own tables ({@link Schema}): what is
     * written through it commits or rolls back with everything else in the transaction. Do not commit, roll
     * back or close it, and do not keep it past the transaction.
     */
    java.sql.Connection connection();
}
