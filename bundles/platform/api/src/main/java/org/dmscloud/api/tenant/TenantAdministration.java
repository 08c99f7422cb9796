package org.dmscloud.api.tenant;

import java.util.List;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** What operators do with tenants; every change is audited with the operator's name. */
@ProviderType
public interface TenantAdministration {

    /**
     * @throws org.dmscloud.api.customer.InvalidInputException naming each setting at fault, a host name another tenant has
     *         among them, or an id that is taken
     */
    Tenant create(TenantId id, TenantSettings settings, String operator);

    /** @throws TenantNotFoundException if there is no such tenant */
    Tenant update(TenantId id, TenantSettings settings, String operator);

    /** Disables or enables its portal; the reason is kept in the audit. */
    Tenant setStatus(TenantId id, TenantStatus status, String reason, String operator);

    /** The changes made to a tenant, newest first. */
    List<TenantAuditEntry> audit(TenantId id, int limit);
}
