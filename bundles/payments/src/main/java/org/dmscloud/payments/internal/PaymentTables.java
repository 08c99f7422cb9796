package org.dmscloud.payments.internal;

/** This bundle's changes to its tables, applied by the platform's schema extender from its {@code DMS-Changelog}. */
final class PaymentTables {

    /** The symbolic name the changes are recorded under. */
    static final String BUNDLE = "dms-cloud-payments";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/payments-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its changes are applied. */
    static final String SCHEMA_FILTER = "(dms.schema=" + BUNDLE + ")";

    private PaymentTables() {
    }
}
