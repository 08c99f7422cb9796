package org.dmscloud.events.internal;

/** This bundle's tables, applied by the platform's schema extender from its {@code DMS-Changelog}. */
final class EventTables {

    /** The symbolic name the tables are recorded under. */
    static final String BUNDLE = "dms-cloud-events";

    /** The changelog, as named in the manifest. */
    static final String CHANGELOG = "db/events-changelog.xml";

    /** Selects this bundle's {@code Schema} service, registered once the tables are there. */
    static final String SCHEMA_FILTER = "(dms.schema=" + BUNDLE + ")";

    private EventTables() {
    }
}
