package org.dmscloud.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform database. Each call is one database transaction: it commits when the work returns and
 * rolls back, changing nothing, when it throws.
 */
@ProviderType
public interface Store {

    /**
     * Runs the work in one transaction and returns its result. A call made while another is running on
     * the same thread joins that transaction, so services can be composed.
     *
     * @throws StoreUnavailableException if the database cannot be reached or its schema is not ready
     * @throws IllegalStateException if called inside a {@link #read read}, whose statements are not one transaction
     */
    <R> R inTransaction(TransactionWork<R> work);

    /**
     * Runs work that only reads, without a transaction around it: each statement sees what was committed when
     * it ran. That spares the database a transaction's begin and commit (a round trip each on PostgreSQL), which
     * counts on the API's hot reads. Reads that must agree with each other (a balance and the entries that explain
     * it) and all writes belong in {@link #inTransaction}. A read made while a transaction runs on the thread
     * joins it and sees what it wrote.
     *
     * @throws StoreUnavailableException if the database cannot be reached or its schema is not ready
     */
    <R> R read(TransactionWork<R> work);
}
