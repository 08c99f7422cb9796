package org.dmscloud.api.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as operators see it.
 *
 * @param users     the addresses of its portal users
 * @param instances how many instances it has that are not deleted
 * @param lock      why and by whom it is locked; empty when active
 */
public record AccountSummary(Account account, List<String> users, long instances, Optional<Lock> lock) {

    public AccountSummary {
        Objects.requireNonNull(account, "account");
        users = List.copyOf(users);
        Objects.requireNonNull(lock, "lock");
    }

    public AccountStatus status() {
        return lock.isPresent() ? AccountStatus.LOCKED : AccountStatus.ACTIVE;
    }

    /** An operator's lock on an account. */
    public record Lock(String reason, String by, Instant at) {

        public Lock {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }
}
