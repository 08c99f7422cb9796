package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Optional;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;


/** Failed sign-ins by key, shared by every node (the sign-in limits). */
public interface SignInFailures {

    /** The repository in this transaction. */
    static SignInFailures in(Transaction transaction) {
        return new JdbcSignInFailures(Jdbc.of(transaction));
    }

    Optional<SignInFailureRecord> find(String key);

    /** The record, locked for the transaction, so that concurrent failures under one key all count. */
    Optional<SignInFailureRecord> lock(String key);

    /** @throws DuplicateKeyException if another transaction created the key first */
    void insert(SignInFailureRecord record);

    void update(SignInFailureRecord record);

    void delete(String key);

    /** Deletes the records that expired before {@code now}; answers how many. */
    int deleteExpired(Instant now);
}
