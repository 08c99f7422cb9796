package org.dmscloud.persistence.internal;

/** How the platform's data source and persistence unit are found in the service registry. */
final class DataSourceNames {

    /** The pax-jdbc data source configured by etc/org.ops4j.datasource-dmscloud.cfg. */
    static final String DATA_SOURCE_FILTER = "(osgi.jndi.service.name=dmscloud)";

    /** The persistence unit of META-INF/persistence.xml, registered by Aries JPA. */
    static final String PERSISTENCE_UNIT_FILTER = "(osgi.unit.name=dmscloud)";

    private DataSourceNames() {
    }
}
