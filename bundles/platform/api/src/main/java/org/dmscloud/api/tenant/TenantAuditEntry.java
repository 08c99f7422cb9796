package org.dmscloud.api.tenant;

import java.time.Instant;
import java.util.Objects;

import org.dmscloud.api.account.TenantId;

/**
 * One change an operator made to a tenant.
 *
 * @param action CREATE, UPDATE, DISABLE or ENABLE
 * @param detail what changed, for people
 */
public record TenantAuditEntry(long id, TenantId tenant, String action, String operator, String detail, Instant at) {

    public TenantAuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
