package org.dmscloud.api.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts an operator is looking for; every criterion given must match.
 *
 * @param email part of a user's address, in any case
 * @param limit at most this many, newest first
 */
public record AccountQuery(Optional<String> email, Optional<TenantId> tenant, Optional<AccountStatus> status, int limit) {

    public AccountQuery {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1, was " + limit);
        }
    }
}
