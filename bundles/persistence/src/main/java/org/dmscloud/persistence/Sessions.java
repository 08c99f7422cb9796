package org.dmscloud.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Signed-in sessions. */
@ProviderType
public interface Sessions {

    void save(SessionRecord session);

    /** The session if it is neither expired nor revoked at {@code now}. */
    Optional<SessionRecord> findActive(String tokenHash, Instant now);

    void revoke(String tokenHash, Instant at);

    /** Signs the user out everywhere, e.g. after a password reset. */
    void revokeAll(UUID user, Instant at);
}
