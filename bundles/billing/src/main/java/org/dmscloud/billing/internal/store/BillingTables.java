package org.dmscloud.billing.internal.store;

/** This bundle's changes to its tables, applied by the platform's schema extender from its {@code DMS-Changelog}. */
public final class BillingTables {

    /** The symbolic name the changes are recorded under. */
    public static final String BUNDLE = "dms-cloud-billing";

    /** The changelog, as named in the manifest. */
    public static final String CHANGELOG = "db/billing-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its changes are applied. */
    static final String SCHEMA_FILTER = "(dms.schema=" + BUNDLE + ")";

    private BillingTables() {
    }
}
