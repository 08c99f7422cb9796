package org.dmscloud.persistence.internal;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: H2 in the same mode the distribution runs it. */
class H2PersistenceTest extends PersistenceContractTest {

    private static JdbcDataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:persistence-test;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
