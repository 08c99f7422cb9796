package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.UUID;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;


/** Signed-in sessions. */
public interface Sessions {

    /** The repository in this transaction. */
    static Sessions in(Transaction transaction) {
        return new JdbcSessions(Jdbc.of(transaction));
    }

    void save(SessionRecord session);

    void revoke(String tokenHash, Instant at);

    /** Signs the user out everywhere, e.g. after a password reset. */
    void revokeAll(UUID user, Instant at);

    /** Signs the user out everywhere but in this session, e.g. after a password change there. */
    void revokeAllBut(UUID user, String keptTokenHash, Instant at);
}
