package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;

/** Quotes that actions may carry. */
public interface Quotes {

    void save(QuoteRecord quote);

    Optional<QuoteRecord> find(UUID id);

    /** The account's quote with this id; another account's is not found. */
    Optional<QuoteRecord> findOfAccount(AccountId account, UUID id);

    /** Forgets quotes that expired before {@code before}; answers how many. */
    int deleteExpired(Instant before);
}
