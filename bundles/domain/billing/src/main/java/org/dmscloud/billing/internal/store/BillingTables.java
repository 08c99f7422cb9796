package org.dmscloud.billing.internal.store;

import org.dmscloud.persistence.Schema;
import org.osgi.annotation.bundle.Header;

/**
 * This bundle's tables: its changelog, named in its manifest ({@code DMS-Changelog}) and applied by the platform's
 * schema extender when the bundle starts, after the tenants' ({@code DMS-Changelog-Requires}): an account
 * is a tenant's.
 */
@Header(name = Schema.HEADER, value = BillingTables.CHANGELOG)
@Header(name = Schema.REQUIRES, value = "dms-cloud-tenants")
public final class BillingTables {

    /** The symbolic name the changesets are recorded under. */
    public static final String BUNDLE = "dms-cloud-billing";

    /** The changelog, as named in the manifest. */
    public static final String CHANGELOG = "db/billing-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its tables are there. */
    static final String SCHEMA_FILTER = "(" + Schema.BUNDLE + "=" + BUNDLE + ")";

    private BillingTables() {
    }
}
