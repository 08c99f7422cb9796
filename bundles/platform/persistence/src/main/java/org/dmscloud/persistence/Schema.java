package org.dmscloud.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bundle's own tables, up to date: registered as a service once the changelog the bundle names in its
 * {@value #HEADER} manifest header has been applied to the platform database, and withdrawn when the bundle
 * stops. A bundle's components that use its tables reference their schema, so that they start only once
 * the tables are there: {@code @Reference(target = "(dms.schema=my.bundle.symbolic.name)") Schema schema}.
 * The tables stay when the bundle is uninstalled: data is never dropped by taking code away.
 */
@ProviderType
public interface Schema {

    /** The manifest header naming a bundle's Liquibase changelog, a path inside the bundle. */
    String HEADER = "DMS-Changelog";

    /**
     * The manifest header naming, comma-separated, the bundles whose tables this bundle's tables refer to (by their
     * symbolic names): its changelog is applied only once theirs are, and waits, said in the log, while one is missing.
     */
    String REQUIRES = "DMS-Changelog-Requires";

    /** The service property holding the symbolic name of the bundle whose schema this is. */
    String BUNDLE = "dms.schema";

    /** The symbolic name of the bundle whose schema this is. */
    String bundle();

    /**
     * The changelog's path as Liquibase records it in {@code databasechangelog}: the bundle's symbolic name,
     * a slash and the path in the bundle, so that two bundles' changesets never collide.
     */
    String changelog();
}
