package org.dmscloud.api.catalog;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The packages and options on sale to a tenant's customers: what plugin bundles contribute right now for
 * every tenant (as far as the tenant's catalog selection takes them) and for that tenant only. Lists are
 * snapshots sorted by id; they change as plugin bundles come and go and as operators change the tenant.
 */
@ProviderType
public interface Catalog {

    List<CatalogPackage> packages(TenantId tenant);

    List<CatalogOption> options(TenantId tenant);

    Optional<CatalogPackage> findPackage(TenantId tenant, String packageId);

    Optional<CatalogOption> findOption(TenantId tenant, String optionId);

    /**
     * The symbolic name of the bundle whose pricing plugin prices the package or option for the tenant's customers, for
     * operators: empty if none does.
     */
    Optional<String> pricedBy(TenantId tenant, String itemId);
}
