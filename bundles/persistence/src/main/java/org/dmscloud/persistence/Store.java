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
     */
    <R> R inTransaction(TransactionWork<R> work);
}
