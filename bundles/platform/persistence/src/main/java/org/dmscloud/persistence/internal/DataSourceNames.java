package org.dmscloud.persistence.internal;

/** How the platform's data source is found in the service registry. */
final class DataSourceNames {

    /** The pax-jdbc data source configured by etc/org.ops4j.datasource-dmscloud.cfg. */
    static final String DATA_SOURCE_FILTER = "(osgi.jndi.service.name=dmscloud)";

    private DataSourceNames() {
    }
}
