package org.dmscloud.customers.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;

/**
 * A person who signs in to the portal.
 *
 * @param email         lower-cased
 * @param passwordHash  the password's slow salted hash, in the form {@code PasswordHashing} writes
 */
public record UserRecord(UUID id, TenantId tenant, AccountId account, String email, String name, String company,
        String passwordHash, UserStatus status, Instant createdAt, Optional<Instant> verifiedAt) {

    public UserRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    public UserRecord withStatus(UserStatus newStatus, Optional<Instant> newVerifiedAt) {
        return new UserRecord(id, tenant, account, email, name, company, passwordHash, newStatus, createdAt, newVerifiedAt);
    }

    public UserRecord withPasswordHash(String newHash) {
        return new UserRecord(id, tenant, account, email, name, company, newHash, status, createdAt, verifiedAt);
    }

    public UserRecord withProfile(String newName, String newCompany) {
        return new UserRecord(id, tenant, account, email, newName, newCompany, passwordHash, status, createdAt, verifiedAt);
    }
}
