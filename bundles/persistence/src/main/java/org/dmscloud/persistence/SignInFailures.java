package org.dmscloud.persistence;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Failed sign-ins by key, shared by every node (the sign-in limits). */
@ProviderType
public interface SignInFailures {

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
