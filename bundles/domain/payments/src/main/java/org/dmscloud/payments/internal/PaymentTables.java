package org.dmscloud.payments.internal;

import org.dmscloud.persistence.Schema;
import org.osgi.annotation.bundle.Header;

/**
 * This bundle's tables: its changelog, named in its manifest ({@code DMS-Changelog}) and applied by the platform's
 * schema extender when the bundle starts, after the tenants' and billing's ({@code DMS-Changelog-Requires}): a
 * top-up credits an account's ledger.
 */
@Header(name = Schema.HEADER, value = PaymentTables.CHANGELOG)
@Header(name = Schema.REQUIRES, value = "dms-cloud-tenants,dms-cloud-billing")
final class PaymentTables {

    /** The symbolic name the changesets are recorded under. */
    static final String BUNDLE = "dms-cloud-payments";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/payments-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once its tables are there. */
    static final String SCHEMA_FILTER = "(" + Schema.BUNDLE + "=" + BUNDLE + ")";

    private PaymentTables() {
    }
}
