package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Three nodes on one PostgreSQL behind HAProxy (the README's "Several nodes"), each started as an operator starts
 * it and talked to only over HTTP: what one node knows every node knows (sessions, sign-in limits), and faults —
 * a node killed under load, PostgreSQL restarted under load — lose nothing that was answered 2xx and charge
 * nothing twice. Clients retry a failed change with its Idempotency-Key, as the API asks them to.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_%-]+)");
    private static final String PASSWORD = "violet quarry lantern";
    private static final int CLIENTS = 4;
    /**
     * The load runs until it has done this much, not for a time: a slow or busy machine makes it longer, never too short
     * to have reached the fault (a 12 s load once ended before its 200th instance) or to show the cluster serving after it.
     */
    private static final long INSTANCES_BEFORE_THE_FAULT = 100;
    private static final long INSTANCES_AFTER_THE_FAULT = 100;
    /**
     * Due instances of the daily run a node is killed in: enough that the killed node is cut off after its first
     * commits and the survivor bills the rest (the daily-run benchmark, bench/, measures how fast).
     */
    private static final int DUE_ACCOUNTS = 1_000;
    private static final int DUE_INSTANCES_EACH = 10;

    private static final String ACME_HOST = "portal.acme.example";
    private static final String WITH_REPORTS = "/catalog/price?packageId=business&expectedDevices=2000&optionIds=device-reports";

    private static RestartablePostgres postgres;
    private static java.nio.file.Path sharedDeploy;
    private static Cluster cluster;
    private static int imapPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeClass
    public static void startCluster() {
        postgres = RestartablePostgres.start();
        int[] mail = TestMailServer.start(Integer.parseInt(DmsCloudTestSupport.freePort()), Integer.parseInt(DmsCloudTestSupport.freePort()));
        imapPort = mail[1];
        try {
            sharedDeploy = java.nio.file.Files.createTempDirectory("dms-cluster-deploy");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cluster = Cluster.start(3, Map.of(
                "org.apache.felix.fileinstall-deploy", Map.of("felix.fileinstall.dir", sharedDeploy.toString()),
                "org.ops4j.datasource-dmscloud", Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", postgres.jdbcUrl(),
                        "user", "postgres", "password", "postgres"),
                "org.dmscloud.portal", Map.of("trustedClientAddressHeader", "X-Forwarded-For"),
                "org.dmscloud.mail", Map.of("smtpHost", "127.0.0.1", "smtpPort", Integer.toString(mail[0]), "smtpStartTls", "false",
                        "pollSeconds", "1", "operatorAddresses", "ops@dmscloud.example")));
    }

    @AfterClass
    public static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    public void a_whatOneNodeKnowsEveryNodeKnows() throws Exception {
        String email = "everywhere-" + UUID.randomUUID() + "@example.com";
        String token = customer(email);

        for (int node = 1; node <= cluster.size(); node++) {
            assertThat(send(direct(node, "/account"), "GET", token, null, Map.of()).statusCode()).as("session on node-%s", node).isEqualTo(200);
        }
        assertThat(send(direct(2, "/auth/sign-out"), "POST", token, null, Map.of()).statusCode()).isEqualTo(204);
        for (int node = 1; node <= cluster.size(); node++) {
            assertThat(send(direct(node, "/account"), "GET", token, null, Map.of()).statusCode()).as("signed out, on node-%s", node).isEqualTo(401);
        }

        // The account's limit of failed sign-ins (5), counted whichever node each failure reached and from whichever client:
        // the fifth failure locks it, and says for how long.
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(signIn(direct(attempt % 3 + 1, "/auth/sign-in"), email, "wrong password " + attempt, "198.51.100." + attempt).statusCode())
                    .isEqualTo(401);
        }
        assertThat(signIn(direct(2, "/auth/sign-in"), email, "wrong password 4", "198.51.100.4").statusCode()).isEqualTo(429);
        assertThat(signIn(direct(3, "/auth/sign-in"), email, PASSWORD, "198.51.100.200").statusCode()).as("locked everywhere").isEqualTo(429);

        // A client address's limit (20), counted through the load balancer, which sets the address the nodes trust.
        String stranger = "203.0.113.77";
        int refusedAt = -1;
        for (int attempt = 0; attempt < 21 && refusedAt < 0; attempt++) {
            int status = signIn(direct(attempt % 3 + 1, "/auth/sign-in"), "nobody-" + attempt + "@example.com", "guess", stranger).statusCode();
            refusedAt = status == 429 ? attempt : -1;
        }
        assertThat(refusedAt).as("the 21st failure from one address, across nodes, is refused").isEqualTo(20);
        assertThat(signIn(cluster.uri("/auth/sign-in"), "nobody@example.com", "guess", stranger).statusCode())
                .as("through HAProxy the client's own header is replaced by its address: not the stranger's").isEqualTo(401);
    }

    @Test
    public void b_aNodeKilledUnderLoadLosesNothingAndChargesNothingTwice() throws Exception {
        try (Load load = Load.start(customers())) {
            load.awaitCreated(INSTANCES_BEFORE_THE_FAULT);
            cluster.node(2).kill();
            try {
                load.awaitCreated(load.creates() + INSTANCES_AFTER_THE_FAULT);
                Report report = load.stop();

                report.print("node-2 killed (kill -9) under load");
                assertThat(report.creates()).isPositive();
                assertThat(report.unanswered()).as("every change reached an answer, retried with its key").isZero();
                assertThat(report.serverErrors()).as("nodes answer 500 for nothing").isZero();
                assertAllAnsweredAreStoredOnce(report);
            } finally {
                // Back whatever this test found: the tests after it need three nodes.
                cluster.node(2).restart();
            }
            cluster.awaitUp(3, Duration.ofSeconds(30));
            assertThat(send(direct(2, "/account"), "GET", load.tokens().get(0), null, Map.of()).statusCode()).as("node-2 rejoined").isEqualTo(200);
        }
    }

    @Test
    public void c_postgresRestartedUnderLoadIsA503MeanwhileAndTheNodesRecover() throws Exception {
        try (Load load = Load.start(customers())) {
            load.awaitCreated(INSTANCES_BEFORE_THE_FAULT);
            postgres.stop();
            DistributionProcess.pause(Duration.ofSeconds(5)); // the outage itself
            postgres.startAgain();
            load.awaitCreated(load.creates() + INSTANCES_AFTER_THE_FAULT);
            Report report = load.stop();

            report.print("PostgreSQL stopped for 5 s under load");
            assertThat(report.serviceUnavailable()).as("503 problem+json while the database was away").isPositive();
            assertThat(report.serverErrors()).as("never a 500").isZero();
            assertThat(report.unanswered()).isZero();
            assertAllAnsweredAreStoredOnce(report);
            cluster.awaitUp(3, Duration.ofSeconds(30));
            for (int node = 1; node <= cluster.size(); node++) {
                assertThat(send(direct(node, "/account"), "GET", load.tokens().get(0), null, Map.of()).statusCode()).as("node-%s recovered", node)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    public void d_aNodeKilledDuringTheDailyRunChargesNobodyTwiceAndTheOthersFinish() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String prefix = "run-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int due = DUE_ACCOUNTS * DUE_INSTANCES_EACH;
        seedDueInstances(prefix, DUE_ACCOUNTS, DUE_INSTANCES_EACH);

        // Node 3 is killed as soon as its run has committed charges; node 1's run, started after, bills the rest. (Two
        // runs started at once raced: node 1 once billed all 10,000 in 2 s before node 3's shell had connected.)
        Process third = cluster.node(3).shell("dms:billing-run --day " + today);
        try (Connection connection = postgres.connect()) {
            Await.until("node 3 to be billing", () -> queryForLong(connection, "SELECT COUNT(*) FROM billing_run WHERE node = 'node-3' AND status = 'RUNNING' AND charged > 0") > 0
                    ? true : null);
        }
        cluster.node(3).kill();
        third.destroy();
        try {
            Process first = cluster.node(1).shell("dms:billing-run --day " + today);
            assertThat(first.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("node-1's run finished").isTrue();

            try (Connection connection = postgres.connect()) {
                long charged = queryForLong(connection, "SELECT COUNT(DISTINCT l.instance_id) FROM ledger_entry l JOIN instance i ON i.id = l.instance_id "
                        + "WHERE i.name LIKE ? AND l.entry_type = 'DAILY_CHARGE'", prefix + "%");
                long twice = queryForLong(connection, "SELECT COUNT(*) FROM (SELECT l.instance_id FROM ledger_entry l JOIN instance i ON "
                        + "i.id = l.instance_id WHERE i.name LIKE ? AND l.entry_type = 'DAILY_CHARGE' GROUP BY l.instance_id HAVING COUNT(*) > 1) twice",
                        prefix + "%");
                long stillDue = queryForLong(connection, "SELECT COUNT(*) FROM instance WHERE name LIKE ? AND state = 'ENABLED' AND paid_until < ?",
                        prefix + "%", java.time.OffsetDateTime.parse(today + "T00:00:00Z").plusDays(1));
                String runs = queryForString(connection, "SELECT string_agg(node || ' ' || status || ' charged ' || charged, '; ' ORDER BY id) "
                        + "FROM billing_run WHERE run_day = ?", java.time.LocalDate.parse(today));
                System.out.printf("daily run with node-3 killed (kill -9) during it: %d instances, %d charged once, %d charged twice, %d still due; "
                        + "the day's runs: %s%n", due, charged, twice, stillDue, runs);
                assertThat(runs).as("node-3 was killed in the middle of its run").contains("node-3 RUNNING");
                assertThat(twice).as("instances charged twice").isZero();
                assertThat(stillDue).as("due instances the surviving node left unbilled").isZero();
                assertThat(charged).isEqualTo(due);
                assertThat(queryForLong(connection, "SELECT COUNT(*) FROM account a WHERE balance_minor <> (SELECT COALESCE(SUM(amount_minor), 0) "
                        + "FROM ledger_entry l WHERE l.account_id = a.id)")).as("balances that are not their ledger's sum").isZero();
            }
        } finally {
            // Back whatever this test found: the test after it needs three nodes.
            cluster.node(3).restart();
        }
        cluster.awaitUp(3, Duration.ofSeconds(30));
        try (Connection connection = postgres.connect()) {
            assertThat(queryForLong(connection, "SELECT COUNT(*) FROM billing_run WHERE node = 'node-3' AND status = 'RUNNING'"))
                    .as("node-3's cut-off run, failed when it started again").isZero();
        }
    }

    @Test
    public void e_aTenantCreatedOnOneNodeAndAPluginDeployedOnceReachEveryNode() throws Exception {
        Process created = cluster.node(1).shell("dms:tenant-create --name \"Acme Networks\" --host " + ACME_HOST + " --brand \"Acme DMS\" "
                + "--support support@acme.example --mail-from noreply@acme.example --portal-url https://" + ACME_HOST + " --currency EUR "
                + "--plugin org.example.device-reports acme");
        assertThat(created.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(new String(created.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("acme");

        // The nodes' deploy/ is one shared folder (README, "Several nodes"): the example plugin, copied there once.
        java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("dms.example.kar")), sharedDeploy.resolve("device-reports.kar"));

        for (int node = 1; node <= cluster.size(); node++) {
            int number = node;
            Await.until("node " + number + " to serve the reports bundle", () -> send(direct(number, WITH_REPORTS), "GET", null, null, Map.of("Host", ACME_HOST)).statusCode() == 200 ? true : null);
            assertThat(send(direct(number, WITH_REPORTS), "GET", null, null, Map.of()).statusCode()).as("not for the platform's own customers")
                    .isNotEqualTo(200);
        }
    }

    /**
     * Accounts with money, each with instances paid until today's midnight, so today's run bills them: written as the
     * platform's schema has them, as the daily-run benchmark seeds its data.
     */
    private static void seedDueInstances(String prefix, int accounts, int instancesEach) throws SQLException {
        java.time.OffsetDateTime midnight = java.time.LocalDate.now(java.time.ZoneOffset.UTC).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement("INSERT INTO account (id, tenant_id, display_name, currency, "
                    + "balance_minor, created_at, version) VALUES (?, 'default', ?, 'EUR', 100000, ?, 0)");
                    PreparedStatement ledger = connection.prepareStatement("INSERT INTO ledger_entry (account_id, entry_type, amount_minor, "
                            + "balance_after_minor, currency, description, idempotency_key, created_at) VALUES (?, 'TOP_UP', 100000, 100000, 'EUR', "
                            + "'Test top-up', ?, ?)");
                    PreparedStatement instance = connection.prepareStatement("INSERT INTO instance (id, account_id, name, package_id, "
                            + "expected_devices, option_ids, state, paid_until, paid_rate_minor, created_at, version) "
                            + "VALUES (?, ?, ?, 'starter', 500, '', 'ENABLED', ?, 250, ?, 0)")) {
                for (int a = 0; a < accounts; a++) {
                    String accountId = UUID.randomUUID().toString();
                    account.setString(1, accountId);
                    account.setString(2, prefix + a);
                    account.setObject(3, midnight.minusDays(1));
                    account.addBatch();
                    ledger.setString(1, accountId);
                    ledger.setString(2, "cluster-test/" + accountId);
                    ledger.setObject(3, midnight.minusDays(1));
                    ledger.addBatch();
                    for (int i = 0; i < instancesEach; i++) {
                        instance.setString(1, UUID.randomUUID().toString());
                        instance.setString(2, accountId);
                        instance.setString(3, prefix + a + "-" + i);
                        instance.setObject(4, midnight);
                        instance.setObject(5, midnight.minusDays(1).plusSeconds(i));
                        instance.addBatch();
                    }
                }
                account.executeBatch();
                ledger.executeBatch();
                instance.executeBatch();
            }
            connection.commit();
        }
    }

    /**
     * Every create answered 201 is an instance, every delete answered 200 left it deleted; no instance was charged or
     * credited twice; every balance is the sum of its ledger.
     */
    private static void assertAllAnsweredAreStoredOnce(Report report) throws SQLException {
        try (Connection connection = postgres.connect()) {
            for (Map.Entry<String, Boolean> created : report.instances().entrySet()) {
                String state = queryForString(connection, "SELECT state FROM instance WHERE id = ?", created.getKey());
                assertThat(state).as("instance %s answered 201", created.getKey()).isNotNull();
                if (created.getValue()) {
                    assertThat(state).as("instance %s answered deleted", created.getKey()).isEqualTo("DELETED");
                }
            }
            assertThat(queryForLong(connection, "SELECT COUNT(*) FROM (SELECT instance_id, entry_type FROM ledger_entry WHERE instance_id IS NOT NULL "
                    + "GROUP BY instance_id, entry_type HAVING COUNT(*) > 1) twice")).as("instances charged or credited twice").isZero();
            assertThat(queryForLong(connection, "SELECT COUNT(*) FROM account a WHERE balance_minor <> (SELECT COALESCE(SUM(amount_minor), 0) "
                    + "FROM ledger_entry l WHERE l.account_id = a.id)")).as("balances that are not their ledger's sum").isZero();
            List<Object> parameters = new ArrayList<>(List.of(report.prefix + "%"));
            parameters.addAll(report.instances().keySet());
            assertThat(queryForLong(connection, "SELECT COUNT(*) FROM instance WHERE name LIKE ? AND id NOT IN ("
                    + String.join(",", Collections.nCopies(Math.max(1, report.instances().size()), "?")) + ")", parameters.toArray()))
                    .as("instances created that no answer told of").isZero();
        }
    }

    /** Customers with money, one per client of the load. */
    private static List<String> customers() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String token = customer("load-" + UUID.randomUUID() + "@example.com");
            topUp(token, 1_000_00);
            tokens.add(token);
        }
        return tokens;
    }

    /** Registers through the load balancer, verifies with the mailed link and signs in: answers the session token. */
    private static String customer(String email) throws Exception {
        assertThat(send(cluster.uri("/auth/register"), "POST", null, Map.of("email", email, "password", PASSWORD, "name", "Cluster"), Map.of())
                .statusCode()).isEqualTo(202);
        String mail = Mailboxes.await(imapPort, email, "Confirm");
        Matcher link = VERIFY_LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        assertThat(send(cluster.uri("/auth/verify"), "POST", null, Map.of("token", token), Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = signIn(cluster.uri("/auth/sign-in"), email, PASSWORD, "192.0.2.1");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        return JSON.readTree(signedIn.body()).get("token").asText();
    }

    /**
     * Money for the load, written as a credited top-up is (ledger entry and balance in one transaction): how it
     * arrives is not what this test is about, and the payments tests cover it.
     */
    private static void topUp(String token, long minor) throws Exception {
        String account = JSON.readTree(send(cluster.uri("/account"), "GET", token, null, Map.of()).body()).get("id").asText();
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            long balance;
            try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance_minor = balance_minor + ? WHERE id = ? "
                    + "RETURNING balance_minor")) {
                update.setLong(1, minor);
                update.setString(2, account);
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    balance = row.getLong(1);
                }
            }
            try (PreparedStatement ledger = connection.prepareStatement("INSERT INTO ledger_entry (account_id, entry_type, amount_minor, "
                    + "balance_after_minor, currency, description, idempotency_key, created_at) VALUES (?, 'TOP_UP', ?, ?, 'EUR', 'Test top-up', ?, "
                    + "now())")) {
                ledger.setString(1, account);
                ledger.setLong(2, minor);
                ledger.setLong(3, balance);
                ledger.setString(4, "cluster-test/" + UUID.randomUUID());
                ledger.executeUpdate();
            }
            connection.commit();
        }
    }

    /** Changes sent through the load balancer by one client per customer: create an instance, then delete it. */
    private static final class Load implements AutoCloseable {

        private final List<String> tokens;
        private final ExecutorService clients;
        private final List<Future<?>> running = new ArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Report report = new Report();

        private Load(List<String> tokens) {
            this.tokens = tokens;
            this.clients = Executors.newFixedThreadPool(tokens.size());
        }

        /** Starts the clients; they go on until {@link #stop()}. */
        static Load start(List<String> tokens) {
            Load load = new Load(tokens);
            for (String token : tokens) {
                load.running.add(load.clients.submit(() -> load.client(token)));
            }
            return load;
        }

        List<String> tokens() {
            return tokens;
        }

        /** Waits until this many instances in all were answered created (two minutes at most). */
        void awaitCreated(long instances) {
            Await.until(instances + " instances answered created", Duration.ofMinutes(2), () -> report.creates() >= instances ? true : null);
        }

        long creates() {
            return report.creates();
        }

        private Void client(String token) throws Exception {
            int n = 0;
            while (!stop.get()) {
                String name = report.prefix + n++;
                HttpResponse<String> created = change("POST", "/instances", token, Map.of("name", name, "packageId", "starter",
                        "expectedDevices", 100, "enabled", true));
                if (created == null || created.statusCode() != 201) {
                    continue;
                }
                String id = JSON.readTree(created.body()).at("/instance/id").asText();
                report.instances.put(id, false);
                HttpResponse<String> deleted = change("DELETE", "/instances/" + id, token, null);
                if (deleted != null && deleted.statusCode() == 200) {
                    report.instances.put(id, true);
                }
                try {
                    send(cluster.uri("/account"), "GET", token, null, Map.of());
                } catch (IOException noAnswer) {
                    // A read between changes, which a node killed in its middle leaves unanswered: nothing to retry.
                    report.noAnswer.incrementAndGet();
                }
            }
            return null;
        }

        /**
         * Sends a change with a new Idempotency-Key and, while the answer is a 5xx or no answer at all, sends it again
         * with the same key, for up to a minute: answers the final answer, or null if none came.
         */
        private HttpResponse<String> change(String method, String path, String token, Object body) {
            String key = UUID.randomUUID().toString();
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
            while (Instant.now().isBefore(giveUp)) {
                report.sent.incrementAndGet();
                try {
                    HttpResponse<String> answer = send(cluster.uri(path), method, token, body, Map.of("Idempotency-Key", key));
                    int status = answer.statusCode();
                    if (status < 500) {
                        report.answered.incrementAndGet();
                        if (status == 201 && method.equals("POST")) {
                            report.creates.incrementAndGet();
                        }
                        return answer;
                    }
                    report.count(status, answer);
                } catch (IOException noAnswer) {
                    report.noAnswer.incrementAndGet();
                }
                DistributionProcess.pause(Duration.ofMillis(200));
            }
            report.unanswered.incrementAndGet();
            return null;
        }

        /** Lets each client finish the change it is sending (with its retries), and answers what they saw. */
        Report stop() throws Exception {
            stop.set(true);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            return report;
        }

        /**
         * Stops the clients without waiting for their answers: after a test that failed before {@link #stop()}, its load
         * must not go on into the next tests.
         */
        @Override
        public void close() {
            stop.set(true);
            clients.shutdownNow();
        }
    }

    /** What the clients saw. */
    private static final class Report {

        /** The names of this load's instances begin with it. */
        final String prefix = "load-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong creates = new AtomicLong();
        final AtomicLong noAnswer = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final Map<Integer, AtomicLong> serverStatuses = new ConcurrentHashMap<>();
        final List<String> notProblems = Collections.synchronizedList(new ArrayList<>());
        /** Instances answered created, and whether their delete was answered. */
        final Map<String, Boolean> instances = new ConcurrentHashMap<>();

        void count(int status, HttpResponse<String> answer) {
            serverStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                notProblems.add(status + " " + answer.body());
            }
        }

        long creates() {
            return creates.get();
        }

        long unanswered() {
            return unanswered.get();
        }

        long serverErrors() {
            return serverStatuses.getOrDefault(500, new AtomicLong()).get();
        }

        long serviceUnavailable() {
            return serverStatuses.getOrDefault(503, new AtomicLong()).get();
        }

        Map<String, Boolean> instances() {
            return instances;
        }

        void print(String fault) {
            System.out.printf("%s: changes sent %d (retries included), answered 2xx/4xx %d, instances created %d, 5xx %s, "
                    + "no answer (connection failed) %d, never answered %d; 5xx not problem+json: %s%n", fault, sent.get(), answered.get(),
                    creates.get(), serverStatuses, noAnswer.get(), unanswered.get(), notProblems.stream().limit(3).toList());
            assertThat(notProblems).as("every 5xx is application/problem+json").isEmpty();
        }
    }

    private static URI direct(int node, String path) {
        return cluster.node(node).uri("/api/v1" + path);
    }

    private static HttpResponse<String> signIn(URI uri, String email, String password, String clientAddress) throws Exception {
        return send(uri, "POST", null, Map.of("email", email, "password", password), Map.of("X-Forwarded-For", clientAddress));
    }

    private static HttpResponse<String> send(URI uri, String method, String token, Object body, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String queryForString(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long queryForLong(Connection connection, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(queryForString(connection, sql, parameters));
    }
}
