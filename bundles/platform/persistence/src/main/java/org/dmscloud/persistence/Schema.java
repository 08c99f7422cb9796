package org.dmscloud.persistence;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

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

    /** The symbolic names a {@value #REQUIRES} header lists, comma-separated, blanks ignored; none when there is no header. */
    static Set<String> requiredBundles(String header) {
        Set<String> names = new TreeSet<>();
        if (header != null) {
            Arrays.stream(header.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return Collections.unmodifiableSet(names);
    }

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
