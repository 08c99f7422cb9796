package org.dmscloud.api.catalog;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The packages and options currently on sale: whatever plugin bundles contribute right now. Lists are
 * snapshots sorted by id; they change as plugin bundles come and go.
 */
@ProviderType
public interface Catalog {

    List<CatalogPackage> packages();

    List<CatalogOption> options();

    Optional<CatalogPackage> findPackage(String packageId);

    Optional<CatalogOption> findOption(String optionId);
}
