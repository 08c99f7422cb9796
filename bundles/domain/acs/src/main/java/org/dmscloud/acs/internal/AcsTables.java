package org.dmscloud.acs.internal;

import org.dmscloud.persistence.Schema;
import org.osgi.annotation.bundle.Header;

/**
 * This bundle's tables: its changelog, named in its manifest ({@code DMS-Changelog}) and applied by the platform's
 * schema extender when the bundle starts, after billing's ({@code DMS-Changelog-Requires}): an endpoint belongs to an
 * instance.
 */
@Header(name = Schema.HEADER, value = AcsTables.CHANGELOG)
@Header(name = Schema.REQUIRES, value = "dms-cloud-billing")
final class AcsTables {

    /** The symbolic name the changesets are recorded under. */
    static final String BUNDLE = "dms-cloud-acs";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/acs-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its tables are there. */
    static final String SCHEMA_FILTER = "(" + Schema.BUNDLE + "=" + BUNDLE + ")";

    private AcsTables() {
    }
}
