package org.dmscloud.tenants.internal;

import org.dmscloud.persistence.Schema;
import org.osgi.annotation.bundle.Header;

/**
 * This bundle's tables: its changelog, named in its manifest ({@code DMS-Changelog}) and applied by the platform's
 * schema extender when the bundle starts.
 */
@Header(name = Schema.HEADER, value = TenantTables.CHANGELOG)
final class TenantTables {

    /** The symbolic name the changesets are recorded under. */
    static final String BUNDLE = "dms-cloud-tenants";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/tenants-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its tables are there. */
    static final String SCHEMA_FILTER = "(" + Schema.BUNDLE + "=" + BUNDLE + ")";

    private TenantTables() {
    }
}
