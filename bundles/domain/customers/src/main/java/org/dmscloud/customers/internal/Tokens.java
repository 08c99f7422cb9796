package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;


/** Single-use tokens sent by mail. */
public interface Tokens {

    /** The repository in this transaction. */
    static Tokens in(Transaction transaction) {
        return new JdbcTokens(Jdbc.of(transaction));
    }

    void save(TokenRecord token);

    /** The token with this hash and purpose if it is unused and unexpired at {@code now}, locked for the transaction. */
    Optional<TokenRecord> lockUsable(String tokenHash, TokenRecord.TokenPurpose purpose, Instant now);

    /** Uses up every unused token of the user for this purpose (a new one replaces them, or one was used). */
    void useUp(UUID user, TokenRecord.TokenPurpose purpose, Instant at);
}
