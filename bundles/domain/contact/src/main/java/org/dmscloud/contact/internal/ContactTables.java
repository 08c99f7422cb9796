package org.dmscloud.contact.internal;

import org.dmscloud.persistence.Schema;
import org.osgi.annotation.bundle.Header;

/**
 * This bundle's tables: its changelog, named in its manifest ({@code DMS-Changelog}) and applied by the platform's
 * schema extender when the bundle starts, after the tenants' ({@code DMS-Changelog-Requires}): a message is a
 * tenant's.
 */
@Header(name = Schema.HEADER, value = ContactTables.CHANGELOG)
@Header(name = Schema.REQUIRES, value = "dms-cloud-tenants")
final class ContactTables {

    /** The symbolic name the changesets are recorded under. */
    static final String BUNDLE = "dms-cloud-contact";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/contact-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its tables are there. */
    static final String SCHEMA_FILTER = "(" + Schema.BUNDLE + "=" + BUNDLE + ")";

    private ContactTables() {
    }
}
