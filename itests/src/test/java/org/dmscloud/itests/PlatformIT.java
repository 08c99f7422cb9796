package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.api.time.ClockControl;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The distribution as shipped: embedded H2, default configuration. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends DmsCloudTestSupport {

    @Inject
    Catalog catalog;

    @Inject
    PaymentProviders paymentProviders;

    @Inject
    AccountService accounts;

    @Inject
    ClockControl clockControl;

    @Inject
    Clock clock;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter("(osgi.jndi.service.name=dmscloud)")
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        return distribution().toArray(Option[]::new);
    }

    @Test
    public void healthAnswers200WithTheEmbeddedDatabaseUp() {
        HttpResponse<String> response = awaitHealthy();

        JsonNode health = json(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(health.at("/database/product").asText()).isEqualTo("H2");
        assertThat(health.at("/database/reachable").asBoolean()).isTrue();
        assertThat(Instant.parse(health.get("time").asText())).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    public void theApiDescribesItselfInOpenApiAndSwaggerUiShowsIt() {
        JsonNode openApi = await("the OpenAPI description with every resource", Duration.ofSeconds(60), () -> {
            HttpResponse<String> response = get("/api/v1/openapi.json");
            JsonNode document = response.statusCode() == 200 ? json(response) : null;
            return document != null && document.at("/paths").has("/instances") && document.at("/paths").has("/auth/register") ? document : null;
        });

        assertThat(openApi.get("openapi").asText()).startsWith("3.0");
        assertThat(openApi.at("/paths/~1instances/post/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InstanceChangeView");
        assertThat(openApi.at("/paths").has("/payments/stripe/webhook")).as("a plugin's resource is described too").isTrue();
        assertThat(openApi.at("/paths/~1instances~1{id}~1enable/post/security/0").has("bearer")).isTrue();
        assertThat(openApi.at("/components/schemas/Problem/properties").isObject()).as("the Problem schema has properties").isTrue();
        assertThat(openApi.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail");
        HttpResponse<String> page = get("/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("start.js");
        assertThat(get("/docs/start.js").body()).contains("/api/v1/openapi.json");
    }

    @Test
    public void theDataSourceIsAConnectionPool() {
        assertThat(dataSource.getClass().getName()).as("pax-jdbc-config with pool=dbcp2").startsWith("org.apache.commons.dbcp2.");
    }

    @Test
    public void unknownAddressesAnswerAProblemNotAnHtmlPage() {
        HttpResponse<String> response = get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asText()).isEqualTo("https://dmscloud.org/problems/not-found");
    }

    @Test
    public void billingKeepsAnAccountInTheEmbeddedDatabaseThroughTheStoreAndItsPersistenceUnit() {
        Account account = accounts.open(TenantId.DEFAULT, "Itest GmbH", Currency.getInstance("EUR"));

        Account found = accounts.find(account.id()).orElseThrow();

        assertThat(found.displayName()).isEqualTo("Itest GmbH");
        assertThat(found.balance()).isEqualTo(Money.zero(Currency.getInstance("EUR")));
    }

    @Test
    public void catalogPluginsRegisteredAsServicesAreSeenByTheHost() {
        List<ServiceRegistration<?>> registrations = List.of(
                register(InstancePackage.class,
                        new TestPackage("itest-package", "Itest package", "A package registered by the integration test.", new DeviceRange(1, 100)), InstancePackage.PACKAGE_ID, "itest-package"),
                register(AddonOption.class,
                        new TestOption("itest-option", "Itest option", "An option registered by the integration test."), AddonOption.OPTION_ID, "itest-option"),
                register(PricingPlugin.class, PricingPlugin.of((configuration, context) -> List.of(
                        new PriceComponent("itest-package", "Itest package", Money.ofMinor(100, context.currency())))),
                        PricingPlugin.PRICED_ITEM, "itest-package"));
        try {
            CatalogPackage pkg = catalog.findPackage(TenantId.DEFAULT, "itest-package").orElseThrow();
            assertThat(pkg.name()).isEqualTo("Itest package");
            assertThat(pkg.devices()).isEqualTo(new DeviceRange(1, 100));
            assertThat(pkg.priced()).isTrue();
            assertThat(pkg.providedBy()).isEqualTo(bundleContext.getBundle().getSymbolicName());
            assertThat(catalog.findOption(TenantId.DEFAULT, "itest-option")).get().extracting(CatalogOption::priced).isEqualTo(false);
        } finally {
            registrations.forEach(ServiceRegistration::unregister);
        }
        assertThat(catalog.findPackage(TenantId.DEFAULT, "itest-package")).isEmpty();
        assertThat(catalog.findOption(TenantId.DEFAULT, "itest-option")).isEmpty();
    }

    @Test
    public void paymentProvidersRegisteredAsServicesAreSeenByTheHost() {
        ServiceRegistration<?> registration = register(PaymentProvider.class, new TestPaymentProvider(),
                PaymentProvider.PROVIDER_ID, "itest-pay");
        try {
            assertThat(paymentProviders.find(TenantId.DEFAULT, "itest-pay")).get()
                    .extracting(PaymentProviderInfo::displayName, PaymentProviderInfo::available, PaymentProviderInfo::unavailableReason)
                    .containsExactly("Itest pay", false, "no credentials in this test");
        } finally {
            registration.unregister();
        }
        assertThat(paymentProviders.find(TenantId.DEFAULT, "itest-pay")).isEmpty();
    }

    @Test
    public void theClockIsTheSystemClockUntilTestModeIsSwitchedOnThenTheShellMovesIt() throws Exception {
        assertThat(clockControl.isAdjustable()).isFalse();
        assertThat(executeCommand("dms:clock")).contains("system clock");

        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("org.dmscloud.clock", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("adjustable", "true");
        configuration.update(properties);
        try {
            await("test mode", Duration.ofSeconds(30), () -> clockControl.isAdjustable() ? Boolean.TRUE : null);

            executeCommand("dms:clock-set 2026-11-30T00:00:00Z");
            executeCommand("dms:clock-shift PT16H");

            Instant expected = Instant.parse("2026-11-30T16:00:00Z");
            assertThat(clockControl.now()).isCloseTo(expected, within(10, ChronoUnit.SECONDS));
            assertThat(clock.instant()).as("the java.time.Clock service everything reads").isCloseTo(expected, within(10, ChronoUnit.SECONDS));
            Duration kept = Duration.parse((String) configurationAdmin.getConfiguration("org.dmscloud.clock.offset", "?").getProperties().get("offset"));
            assertThat(Instant.now().plus(kept)).as("the offset kept for a restart").isCloseTo(expected, within(10, ChronoUnit.SECONDS));
        } finally {
            executeCommand("dms:clock-reset");
            configuration.delete();
        }
        await("system clock again", Duration.ofSeconds(30), () -> clockControl.isAdjustable() ? null : Boolean.TRUE);
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
    }

    private <S> ServiceRegistration<S> register(Class<S> type, S service, String idProperty, String id) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(idProperty, id);
        return bundleContext.registerService(type, service, properties);
    }

    /** A record's accessors implement the SPI's methods. */
    private record TestPackage(String id, String name, String description, DeviceRange devices) implements InstancePackage {
    }

    private static final class TestPaymentProvider implements PaymentProvider {
        @Override
        public String id() {
            return "itest-pay";
        }

        @Override
        public String displayName() {
            return "Itest pay";
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("no credentials in this test");
        }

        @Override
        public TopUpStart start(TopUpRequest request) {
            throw new IllegalStateException("unavailable");
        }

        @Override
        public TopUpOutcome check(String providerReference) {
            throw new IllegalStateException("unavailable");
        }

        @Override
        public TopUpOutcome cancel(String providerReference) {
            throw new IllegalStateException("unavailable");
        }

        @Override
        public Optional<TopUpLimits> limits(Currency currency) {
            return Optional.empty();
        }

        @Override
        public boolean needsBillingDetails() {
            return false;
        }
    }

    /**
     * Health answered 200 seconds before every resource was served. It is ready only when the JAX-RS
     * runtime serves everything registered for the portal API: after the API bundle starts again, and while a
     * resource waits for an extension that is not there.
     */
    @Test
    public void healthIsUpOnlyWhenEveryRegisteredResourceIsServed() throws Exception {
        awaitHealthy();
        org.osgi.framework.Bundle api = bundle("dms-cloud-rest");
        api.stop();
        api.start();
        HttpResponse<String> up = awaitHealthy("health to answer 200 again");
        // At the first 200, every resource answers, none is missing (a missing one answers 404).
        assertThat(json(up).get("status").asText()).isEqualTo("UP");
        for (String path : List.of("/api/v1/catalog", "/api/v1/openapi.json", "/api/v1/account", "/api/v1/instances", "/api/v1/account/top-ups",
                "/api/v1/payment-providers", "/api/v1/account/ledger")) {
            assertThat(get(path).statusCode()).as(path).isIn(200, 401);
        }
        assertThat(post("/api/v1/quotes", "{}").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/auth/verify", "{}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/contact", "{}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/payments/stripe/webhook", "{}").statusCode()).isEqualTo(400);

        Hashtable<String, Object> waiting = new Hashtable<>();
        waiting.put("osgi.jaxrs.resource", Boolean.TRUE);
        waiting.put("osgi.jaxrs.application.select", org.dmscloud.api.web.PortalApi.SELECT);
        waiting.put("osgi.jaxrs.extension.select", "(osgi.jaxrs.name=no-such-extension)");
        ServiceRegistration<Object> unserved = bundleContext.registerService(Object.class, new Object(), waiting);
        try {
            HttpResponse<String> starting = await("health to say a resource is not served", Duration.ofSeconds(30), () -> {
                HttpResponse<String> health = get("/api/v1/health");
                return health.statusCode() == 503 ? health : null;
            });
            assertThat(json(starting).get("status").asText()).isEqualTo("STARTING");
        } finally {
            unserved.unregister();
        }
        assertThat(awaitHealthy().statusCode()).isEqualTo(200);
    }

    /**
     * The API answered CXF's 404 ("Can't find the request … Observer") for good after some starts. The web portal's
     * pages, served at "/*", displaced the servlet of the whiteboard's default application, also at "/*"; a
     * displaced CXF servlet is destroyed, and destroying one empties the endpoint registry that every CXF servlet
     * shares, the portal API's endpoint with it. It broke a start when a request (a health probe) reached that
     * servlet before the portal's pages were there and after the API was published. Here the web portal stops, a
     * request reaches whatever serves "/" then, and the portal starts again: while the default application sits at
     * "/", this fails on every run.
     */
    @Test
    public void theApiKeepsAnsweringWhenTheWebPortalStartsAgain() throws Exception {
        awaitHealthy();
        org.osgi.framework.Bundle web = bundle("dms-cloud-web");
        web.stop();
        try {
            await("the web portal to be gone", Duration.ofSeconds(30), () -> get("/sign-in").statusCode() == 404 ? true : null);
        } finally {
            web.start();
        }
        await("the web portal to answer again", Duration.ofSeconds(30), () -> get("/sign-in").statusCode() == 200 ? true : null);
        assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/catalog").statusCode()).isEqualTo(200);
    }

    /**
     * A resource that waits for the service it needs is not registered at all, so the check above cannot see
     * it: health answered 200 while the customers' service still waited for the store, and sign-up answered
     * 404 (the fuzz test's distribution, started as an operator starts it). Health now also asks Declarative
     * Services whether every component of the portal API runs.
     */
    @Test
    public void healthIsStartingWhileAPortalResourceWaitsForTheServiceItNeeds() throws Exception {
        awaitHealthy();
        org.osgi.framework.Bundle customers = bundle("dms-cloud-customers");
        customers.stop();
        try {
            HttpResponse<String> starting = await("health to say the API waits for a service", Duration.ofSeconds(30), () -> {
                HttpResponse<String> health = get("/api/v1/health");
                return health.statusCode() == 503 ? health : null;
            });
            assertThat(json(starting).get("status").asText()).isEqualTo("STARTING");
        } finally {
            customers.start();
        }
        assertThat(awaitHealthy().statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/auth/register", "{}").statusCode()).isEqualTo(400);
    }

    /**
     * A bundle's own tables. A bundle that names its changelog in DMS-Changelog has it applied when it
     * starts, and its Schema service registered; updated in place, its new changeset is applied; uninstalled, the
     * service goes and the table stays.
     */
    @Test
    public void aBundlesChangelogIsAppliedWhenItStartsAndAgainWhenItIsUpdated() throws Exception {
        String filter = "(&(objectClass=" + org.dmscloud.persistence.Schema.class.getName() + ")(dms.schema=org.example.reports))";
        org.osgi.framework.Bundle reports = bundleContext.installBundle("test:org.example.reports", reportsBundle("1.0.0", false));
        reports.start();
        org.osgi.framework.ServiceReference<?> first = await("the reports bundle's schema", Duration.ofSeconds(30), () -> schema(filter, "1.0.0"));
        assertThat(((org.dmscloud.persistence.Schema) bundleContext.getService(first)).changelog()).isEqualTo("org.example.reports/db/changelog.xml");
        assertThat(columns("REPORT_INSTANCE")).containsExactlyInAnyOrder("INSTANCE_ID", "NOTE");

        reports.update(reportsBundle("2.0.0", true));
        await("the updated reports bundle's schema", Duration.ofSeconds(30), () -> schema(filter, "2.0.0"));
        assertThat(columns("REPORT_INSTANCE")).containsExactlyInAnyOrder("INSTANCE_ID", "NOTE", "PAGES");

        reports.uninstall();
        assertThat(bundleContext.getServiceReferences((String) null, filter)).isNull();
        assertThat(columns("REPORT_INSTANCE")).as("the table outlives the bundle").contains("PAGES");
    }

    private org.osgi.framework.ServiceReference<?> schema(String filter, String version) {
        try {
            org.osgi.framework.ServiceReference<?>[] found = bundleContext.getServiceReferences((String) null, filter);
            return found == null || !version.equals(found[0].getProperty("dms.schema.version")) ? null : found[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> columns(String table) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME"));
            }
            return names;
        }
    }

    /**
     * The declared order: a bundle whose tables refer to another bundle's waits for that bundle's tables, however
     * late it comes, and says so in the log; then both are applied, the one it requires first.
     */
    @Test
    public void aBundlesTablesWaitForTheTablesOfTheBundlesItRequires() throws Exception {
        String dependentFilter = "(&(objectClass=" + org.dmscloud.persistence.Schema.class.getName() + ")(dms.schema=org.example.shipments))";
        String referencedFilter = "(&(objectClass=" + org.dmscloud.persistence.Schema.class.getName() + ")(dms.schema=org.example.carriers))";
        String shipments = "<changeSet id=\"1\" author=\"shipments\"><createTable tableName=\"shipment\"><column name=\"carrier_id\" type=\"CHAR(36)\">"
                + "<constraints foreignKeyName=\"fk_shipment_carrier\" references=\"carrier(id)\"/></column></createTable></changeSet>\n";
        String carriers = "<changeSet id=\"1\" author=\"carriers\"><createTable tableName=\"carrier\"><column name=\"id\" type=\"CHAR(36)\">"
                + "<constraints primaryKey=\"true\"/></column></createTable></changeSet>\n";
        org.osgi.framework.Bundle dependent = bundleContext.installBundle("test:org.example.shipments",
                tablesBundle("org.example.shipments", "1.0.0", "org.example.carriers", shipments));
        dependent.start();
        Thread.sleep(2_000);
        assertThat(bundleContext.getServiceReferences((String) null, dependentFilter)).as("waiting for the carriers' tables").isNull();
        assertThat(columns("SHIPMENT")).isEmpty();

        org.osgi.framework.Bundle referenced = bundleContext.installBundle("test:org.example.carriers",
                tablesBundle("org.example.carriers", "1.0.0", null, carriers));
        referenced.start();
        await("the shipments' schema, after the carriers'", Duration.ofSeconds(30), () -> schema(dependentFilter, "1.0.0"));
        assertThat(bundleContext.getServiceReferences((String) null, referencedFilter)).isNotNull();
        assertThat(columns("SHIPMENT")).containsExactly("CARRIER_ID");
        dependent.uninstall();
        referenced.uninstall();
    }

    /** A plugin bundle with nothing but its changelog, which includes its tables; the second release adds a column. */
    private static java.io.InputStream reportsBundle(String version, boolean withPages) throws java.io.IOException {
        String tables = "<changeSet id=\"1\" author=\"reports\"><createTable tableName=\"report_instance\">"
                + "<column name=\"instance_id\" type=\"CHAR(36)\"><constraints primaryKey=\"true\" foreignKeyName=\"fk_report_instance\" "
                + "references=\"instance(id)\"/></column><column name=\"note\" type=\"VARCHAR(100)\"/></createTable></changeSet>\n"
                + (withPages ? "<changeSet id=\"2\" author=\"reports\"><addColumn tableName=\"report_instance\">"
                        + "<column name=\"pages\" type=\"INTEGER\" defaultValueNumeric=\"0\"/></addColumn></changeSet>\n" : "");
        // Its table refers to billing's instances: it is applied after billing's tables.
        return tablesBundle("org.example.reports", version, "dms-cloud-billing", tables);
    }

    /** A bundle with nothing but a changelog that includes these changesets, requiring the tables of another bundle if named. */
    private static java.io.InputStream tablesBundle(String name, String version, String requires, String changesets) throws java.io.IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("DMS-Changelog", "db/changelog.xml");
        if (requires != null) {
            main.putValue("DMS-Changelog-Requires", requires);
        }
        String header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
                + "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd\">\n";
        String changelog = header + "<include file=\"tables.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n";
        String tables = header + changesets + "</databaseChangeLog>\n";
        java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar, manifest)) {
            for (java.util.Map.Entry<String, String> file : java.util.Map.of("db/changelog.xml", changelog, "db/tables.xml", tables).entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry(file.getKey()));
                out.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new java.io.ByteArrayInputStream(jar.toByteArray());
    }
}
