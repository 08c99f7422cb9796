package org.dmscloud.api.tenant;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** The tenants, as every node sees them (kept in the database). Reads may be a few seconds behind a change made on another node. */
@ProviderType
public interface TenantDirectory {

    Optional<Tenant> find(TenantId tenant);

    /** The tenant answering at this host name (any case, a port ignored), if one does. */
    Optional<Tenant> byHost(String hostName);

    /** Every tenant, the default one first, then by id. */
    List<Tenant> list();
}
