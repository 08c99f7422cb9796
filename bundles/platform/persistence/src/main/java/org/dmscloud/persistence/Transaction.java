package org.dmscloud.persistence;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One transaction of the {@link Store}. Each bundle's repositories work on its connection, on the bundle's own
 * tables ({@link Schema}), so that everything done in the transaction, by whichever bundle, commits or rolls back
 * together. The SQL helper {@link org.dmscloud.persistence.jdbc.Jdbc} works on it too.
 */
@ProviderType
public interface Transaction {

    /**
     * The JDBC connection this transaction runs on, taken from the pool when first asked for. Do not commit,
     * roll back or close it, and do not keep it past the transaction.
     */
    Connection connection();
}
