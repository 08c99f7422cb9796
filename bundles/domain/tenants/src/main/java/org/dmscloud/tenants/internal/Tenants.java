package org.dmscloud.tenants.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * Tenants with their host names and the audit of what operators changed. A tenant whose row has no
 * settings yet (the default tenant, before the first start that gives it the platform's) is listed with
 * {@link #unsettled()} and read as empty.
 */
interface Tenants {

    /** The repository in this transaction. */
    static Tenants in(Transaction transaction) {
        return new JdbcTenants(Jdbc.of(transaction));
    }

    Optional<Tenant> find(TenantId id);

    /** The tenant, locked for the transaction. */
    Optional<Tenant> lock(TenantId id);

    /** Every tenant with settings, the default one first, then by id. */
    List<Tenant> list();

    /** Tenants that have no settings yet. */
    List<TenantId> unsettled();

    /** @throws DuplicateKeyException if the id, or one of its host names, is another tenant's */
    void insert(Tenant tenant);

    /**
     * Writes the tenant's settings, status and host names (existing or not: an unsettled tenant gets its first).
     *
     * @throws DuplicateKeyException if one of its host names is another tenant's
     */
    void update(Tenant tenant);

    void audit(TenantId tenant, String action, String operator, String detail, Instant at);

    /** The tenant's audit, newest first. */
    List<TenantAuditEntry> audit(TenantId tenant, int limit);
}
