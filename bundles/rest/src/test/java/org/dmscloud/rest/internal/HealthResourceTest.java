package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.ws.rs.core.Response;

import org.dmscloud.api.health.DatabaseStatus;
import org.dmscloud.rest.internal.HealthResource.Health;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

class HealthResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private final HealthResource resource = new HealthResource(Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3", null);

    @Test
    void upWhenTheDatabaseAnswers() {
        resource.databaseHealth = () -> DatabaseStatus.up("PostgreSQL", "16.4");

        Response response = resource.health();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo(new Health("UP", "1.2.3", NOW, new Health.Database("PostgreSQL", "16.4", true)));
    }

    @Test
    void downWhenTheDatabaseDoesNotAnswer() {
        resource.databaseHealth = () -> DatabaseStatus.down("Connection to db.internal:5432 refused");

        Response response = resource.health();

        assertThat(response.getStatus()).isEqualTo(503);
        Health health = (Health) response.getEntity();
        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.database().reachable()).isFalse();
    }

    @Test
    void downWithoutADataSource() {
        assertThat(resource.health().getStatus()).isEqualTo(503);
    }

    /** The instance of a portal bundle that stopped may be asked while the runtime swaps in the new one. */
    @Test
    void startingNotAFailureWhenItsBundleHasStopped() {
        BundleContext stopped = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] { BundleContext.class },
                (proxy, method, arguments) -> {
                    throw new IllegalStateException("Invalid BundleContext.");
                });
        HealthResource stale = new HealthResource(Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3", new PortalServices(stopped));
        stale.databaseHealth = () -> DatabaseStatus.up("PostgreSQL", "16.4");

        Response response = stale.health();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((Health) response.getEntity()).status()).isEqualTo("STARTING");
    }

    @Test
    void theDocumentHasIsoTimeAndNoInternals() throws Exception {
        resource.databaseHealth = () -> DatabaseStatus.down("password authentication failed for user dms at db.internal");

        JsonNode json = JsonProvider.objectMapper().valueToTree(resource.health().getEntity());

        assertThat(json.get("time").asText()).isEqualTo("2026-11-26T10:15:30Z");
        assertThat(json.toString()).doesNotContain("db.internal").doesNotContain("password");
    }
}
