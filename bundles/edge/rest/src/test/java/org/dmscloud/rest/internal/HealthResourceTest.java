package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
        assertThat(response.getEntity()).isEqualTo(new Health("UP", "1.2.3", NOW, new Health.Database("PostgreSQL", "16.4", true), List.of()));
    }

    @Test
    void whatNeedsTheOperatorsIsListedWithoutTakingTheNodeOutOfService() {
        resource.databaseHealth = () -> DatabaseStatus.up("PostgreSQL", "16.4");
        resource.attentions = List.of(() -> List.of("billing: 2 instances of 2026-11-26 are not billed yet; see dms:billing-runs"), () -> {
            throw new IllegalStateException("db.internal:5432");
        });

        Response response = resource.health();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(((Health) response.getEntity()).attention()).containsExactly(
                "billing: 2 instances of 2026-11-26 are not billed yet; see dms:billing-runs", "health: a check failed; see the log");
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
        Response response = healthWhenEveryCallThrows(new IllegalStateException("Invalid BundleContext."));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((Health) response.getEntity()).status()).isEqualTo("STARTING");
    }

    /** Whatever breaks the readiness check (the JAX-RS runtime failing, say), health answers 503, never a 500. */
    @Test
    void startingNotAServerErrorWhenTheReadinessCheckFails() {
        Response response = healthWhenEveryCallThrows(new NullPointerException("Cannot read the array length because \"array\" is null"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((Health) response.getEntity()).status()).isEqualTo("STARTING");
    }

    /** Health with its database up, read through a bundle context whose every call throws this. */
    private static Response healthWhenEveryCallThrows(RuntimeException failure) {
        BundleContext broken = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] { BundleContext.class },
                (proxy, method, arguments) -> {
                    throw failure;
                });
        HealthResource resource = new HealthResource(Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3",
                new PortalReadiness(new PortalServices(broken), System::nanoTime));
        resource.databaseHealth = () -> DatabaseStatus.up("PostgreSQL", "16.4");
        return resource.health();
    }

    /** Walking the registry costs more than any read of the API: it is done at most once a second. */
    @Test
    void thePortalsStateIsReadAtMostOnceASecond() {
        AtomicInteger lookups = new AtomicInteger();
        BundleContext context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] { BundleContext.class },
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getServiceReference")) {
                        lookups.incrementAndGet();
                    }
                    return null;
                });
        AtomicLong nanos = new AtomicLong();
        HealthResource resource = new HealthResource(Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3", new PortalReadiness(new PortalServices(context),
                nanos::get));
        resource.databaseHealth = () -> DatabaseStatus.up("PostgreSQL", "16.4");

        Response first = resource.health();
        nanos.addAndGet(PortalReadiness.FRESH_NANOS - 1);
        Response second = resource.health();
        nanos.addAndGet(1);
        resource.health();

        assertThat(List.of(first.getStatus(), second.getStatus())).as("boot not finished: no BootFinished service").containsExactly(503, 503);
        assertThat(lookups).as("read, kept for a second, read again").hasValue(2);
    }

    @Test
    void theDocumentHasIsoTimeAndNoInternals() throws Exception {
        resource.databaseHealth = () -> DatabaseStatus.down("password authentication failed for user dms at db.internal");

        JsonNode json = JsonProvider.objectMapper().valueToTree(resource.health().getEntity());

        assertThat(json.get("time").asText()).isEqualTo("2026-11-26T10:15:30Z");
        assertThat(json.toString()).doesNotContain("db.internal").doesNotContain("password");
    }
}
