package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution switched to PostgreSQL the documented way, by etc/org.ops4j.datasource-dmscloud.cfg
 * alone, against a real PostgreSQL server that this test starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresPlatformIT extends DmsCloudTestSupport {

    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-dmscloud.cfg";

    @Inject
    AccountService accounts;

    @Inject
    @Filter("(osgi.jndi.service.name=dmscloud)")
    DataSource dataSource;

    /** Runs in the test JVM: starts PostgreSQL there, for the distribution to connect to. */
    @Configuration
    public Option[] config() {
        String jdbcUrl = TestPostgres.start();
        List<Option> options = distribution();
        options.addAll(List.of(
                editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "dmscloud"),
                editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(DATASOURCE_CFG, "url", jdbcUrl),
                editConfigurationFilePut(DATASOURCE_CFG, "user", "postgres"),
                editConfigurationFilePut(DATASOURCE_CFG, "password", "postgres"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool", "dbcp2"),
                editConfigurationFilePut(DATASOURCE_CFG, "xa", "false")));
        return options.toArray(Option[]::new);
    }

    @Test
    public void healthReportsPostgreSqlReachable() {
        HttpResponse<String> response = awaitHealthy();

        JsonNode health = json(response);
        assertThat(health.at("/database/product").asText()).isEqualTo("PostgreSQL");
        assertThat(health.at("/database/reachable").asBoolean()).isTrue();
    }

    @Test
    public void migrationsRanAndTheStoreWritesToPostgreSql() throws SQLException {
        AccountId id = accounts.open(TenantId.DEFAULT, "Postgres GmbH", Currency.getInstance("EUR")).id();

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT display_name, balance_minor FROM account WHERE id = ?")) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            query.setString(1, id.toString());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("display_name")).isEqualTo("Postgres GmbH");
                assertThat(row.getLong("balance_minor")).isZero();
            }
        }
    }
}
