package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.tenant.TenantScope;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the DMS Cloud distribution that this build made (not a stock Karaf) on free ports, and gives
 * tests HTTP and shell access to it. Test methods run inside the distribution.
 */
public abstract class DmsCloudTestSupport {

    private static final String HTTP_PORT = "dms.itest.http.port";
    private static final String IMAP_PORT = "dms.itest.imap.port";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The roles of the distribution's admin group (etc/users.properties). */
    private static final String[] ADMIN_ROLES = { "admin", "manager", "viewer", "systembundles", "ssh" };
    private static final Pattern VERIFY_LINK = Pattern.compile("(/verify\\?token=[A-Za-z0-9_%-]+)");

    @Inject
    protected BundleContext bundleContext;

    /** The installed bundle of this symbolic name; fails when there is none. */
    protected org.osgi.framework.Bundle bundle(String symbolicName) {
        return java.util.Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    @Inject
    protected SessionFactory sessionFactory;

    /** The options every test distribution gets; subclasses add their own. Runs in the test JVM. */
    protected static List<Option> distribution() {
        String httpPort = freePort();
        // Here in the test JVM too, for servers started here that call the distribution (Stripe's webhooks).
        System.setProperty(HTTP_PORT, httpPort);
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("dms.distribution")).toURI().toString())
                        .name("DMS Cloud")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                // Pax Exam ignores bin/setenv (STACK.md pitfall 7), so its JVM options are repeated here.
                org.ops4j.pax.exam.CoreOptions.vmOptions(DistributionProcess.JVM_OPTIONS.toArray(String[]::new)),
                org.ops4j.pax.exam.CoreOptions.vmOptions("-Duser.timezone=UTC", "-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                        // So that tests can address a tenant by its host name on loopback (Host: acme.example).
                        "-Djdk.httpclient.allowRestrictedHeaders=host"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                // A credential of this run only, as bin/setenv would create on a first start.
                editConfigurationFilePut("etc/users.properties", "admin", UUID.randomUUID() + ",_g_:admingroup"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
                // The probe's assertion library; everything else the tests use is in the distribution.
                mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("byte-buddy.version")),
                mavenBundle("org.assertj", "assertj-core", System.getProperty("assertj.version")),
                systemProperty(HTTP_PORT).value(httpPort),
                // How long an injected service may take to appear: a test can start while the distribution is
                // still applying its bundles' tables, and two distributions booting at once share the machine.
                systemProperty("pax.exam.service.timeout").value("60000")));
        return options;
    }

    /** An add-on option as a plugin bundle declares one: the record's accessors implement the SPI. */
    protected record TestOption(String id, String name, String description) implements AddonOption {
    }

    /**
     * Registers an option and the plugin that prices it, as a plugin bundle does: the platform's, or the tenant's when one
     * is given ({@code dms.tenant}). Unregistering the answered registrations takes them away again.
     */
    protected List<ServiceRegistration<?>> registerOption(TestOption option, Optional<String> tenant, PricingPlugin pricing) {
        java.util.Hashtable<String, Object> optionProperties = new java.util.Hashtable<>(Map.of(AddonOption.OPTION_ID, option.id()));
        java.util.Hashtable<String, Object> pricingProperties = new java.util.Hashtable<>(Map.of(PricingPlugin.PRICED_ITEM, option.id()));
        tenant.ifPresent(id -> {
            optionProperties.put(TenantScope.PROPERTY, id);
            pricingProperties.put(TenantScope.PROPERTY, id);
        });
        return List.of(bundleContext.registerService(AddonOption.class, option, optionProperties),
                bundleContext.registerService(PricingPlugin.class, pricing, pricingProperties));
    }

    /**
     * Every request of the portal API that names an instance, about this one, with these headers (a session's): for the
     * tests that another account's instance answers 404 everywhere. An endpoint that takes an instance's id belongs here.
     */
    protected static List<HttpResponse<String>> everyInstanceRequest(String instance, String... headers) {
        String path = "/api/v1/instances/" + instance;
        String settings = json(Map.of("packageId", "starter", "expectedDevices", 900));
        return List.of(
                get(path, headers),
                put(path + "/settings", settings, headers),
                post(path + "/enable", "", headers),
                post(path + "/disable", "", headers),
                delete(path, headers),
                post("/api/v1/quotes", json(Map.of("action", "ENABLE", "instanceId", instance)), headers),
                post("/api/v1/quotes", json(Map.of("action", "DELETE", "instanceId", instance)), headers),
                post("/api/v1/quotes", json(Map.of("action", "CHANGE_SETTINGS", "instanceId", instance, "packageId", "starter",
                        "expectedDevices", 900)), headers),
                get(path + "/deployment", headers),
                get(path + "/acs", headers),
                post(path + "/acs/credentials", "", headers),
                get(path + "/acs/devices", headers),
                get(path + "/acs/devices/" + UUID.randomUUID() + "/tasks", headers),
                post(path + "/acs/devices/" + UUID.randomUUID() + "/tasks", json(Map.of("kind", "REBOOT")), headers));
    }

    /** GET on the portal API, e.g. {@code get("/api/v1/health")}, with headers given as name, value, ... */
    protected static HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    protected static HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected static HttpResponse<String> put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POST of an HTML form's fields, as a browser sends it ({@code application/x-www-form-urlencoded}), given as name, value, ... */
    protected static HttpResponse<String> postForm(String path, List<String> fields, String... headers) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    protected static HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    protected static HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /**
     * Options for a distribution that mails through a real SMTP server, started here in the test JVM,
     * whose mailboxes the tests read over IMAP ({@link #mailTo}).
     */
    protected static List<Option> withMailServer(List<Option> options) {
        int[] ports = TestMailServer.start(Integer.parseInt(freePort()), Integer.parseInt(freePort()));
        String mailCfg = "etc/org.dmscloud.mail.cfg";
        options.add(editConfigurationFilePut(mailCfg, "smtpHost", "127.0.0.1"));
        options.add(editConfigurationFilePut(mailCfg, "smtpPort", Integer.toString(ports[0])));
        options.add(editConfigurationFilePut(mailCfg, "smtpStartTls", "false"));
        options.add(editConfigurationFilePut(mailCfg, "pollSeconds", "1"));
        options.add(systemProperty(IMAP_PORT).value(Integer.toString(ports[1])));
        return options;
    }

    /**
     * Both payment providers configured: card top-ups on the Stripe stand-in at {@code stripeApiBase}
     * ({@link TestStripe}), bank transfers to the platform's test account.
     */
    protected static void withPaymentProviders(List<Option> options, String stripeApiBase) {
        String stripeCfg = "etc/org.dmscloud.payment.stripe.cfg";
        options.add(editConfigurationFilePut(stripeCfg, "secretKey", org.dmscloud.payment.stripe.testing.StripeStub.SECRET_KEY));
        options.add(editConfigurationFilePut(stripeCfg, "webhookSecret", org.dmscloud.payment.stripe.testing.StripeEvents.WEBHOOK_SECRET));
        options.add(editConfigurationFilePut(stripeCfg, "apiBase", stripeApiBase));
        String bankCfg = "etc/org.dmscloud.payment.banktransfer.cfg";
        options.add(editConfigurationFilePut(bankCfg, "beneficiary", "DMS Cloud Ltd"));
        options.add(editConfigurationFilePut(bankCfg, "beneficiaryAddress", "1 Harbour Street|Dublin D02 XY45|Ireland"));
        options.add(editConfigurationFilePut(bankCfg, "iban", "DE89370400440532013000"));
        options.add(editConfigurationFilePut(bankCfg, "bic", "COBADEFFXXX"));
        options.add(editConfigurationFilePut(bankCfg, "bankName", "Commerzbank"));
    }

    /**
     * The mails in a recipient's mailbox, read over IMAP: each as its subject, a blank line, and its text,
     * followed by a line "[attached: file name]" for each attached file and a line "[from: sender]".
     */
    protected static List<String> mailTo(String recipient) {
        return Mailboxes.read(Integer.parseInt(System.getProperty(IMAP_PORT)), recipient);
    }

    /** Registers, follows the mailed link, signs in; answers the bearer token. */
    protected static String signedUp(String email) {
        assertThat(post("/api/v1/auth/register", json(Map.of("email", email, "password", "correct horse battery", "name", "Someone")))
                .statusCode()).isEqualTo(202);
        assertThat(get(verificationLink(email)).statusCode()).isEqualTo(200);
        return signIn(email, "correct horse battery");
    }

    /** Signs in (at a tenant's host when headers name one); answers the bearer token. */
    protected static String signIn(String email, String password, String... headers) {
        HttpResponse<String> signedIn = post("/api/v1/auth/sign-in", json(Map.of("email", email, "password", password)), headers);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return json(signedIn).get("token").asText();
    }

    /** The verification link from the mail in the customer's mailbox, as a path on the portal. */
    protected static String verificationLink(String email) {
        String mail = await("the verification mail to " + email, Duration.ofSeconds(60),
                () -> mailTo(email).stream().filter(m -> m.startsWith("Confirm your email address")).findFirst().orElse(null));
        Matcher link = VERIFY_LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8).replace(" ", "+");
    }

    /** The first mail in the recipient's mailbox whose subject starts so, waited for. */
    protected static String awaitMail(String recipient, String subjectStart) {
        return await("a mail \"" + subjectStart + "...\" to " + recipient, Duration.ofSeconds(60),
                () -> mailTo(recipient).stream().filter(m -> m.startsWith(subjectStart)).findFirst().orElse(null));
    }

    /** The Authorization header for a bearer token, followed by more headers as name, value, ... */
    protected static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the health endpoint to answer 200: the platform is up with its database and serves every resource. */
    protected static HttpResponse<String> awaitHealthy() {
        return awaitHealthy("the health endpoint to answer 200");
    }

    /**
     * Waits for health to answer 200; on timeout, says what it last answered and what the platform's log says
     * about it (which resource is not served), since the container's folder is gone after the test.
     */
    protected static HttpResponse<String> awaitHealthy(String what) {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("nothing");
        try {
            return await(what, Duration.ofSeconds(60), () -> {
                HttpResponse<String> response = get("/api/v1/health");
                last.set(response.statusCode() + " " + response.body());
                return response.statusCode() == 200 ? response : null;
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; health last answered " + last.get() + "; the log says: " + healthLog(),
                    timedOut.getCause());
        }
    }

    /** The platform log's last lines about health, when the test runs inside the container. */
    private static List<String> healthLog() {
        String data = System.getProperty("karaf.data");
        if (data == null) {
            return List.of();
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(data, "log", "karaf.log"));
            List<String> health = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("Health check") || lines.get(i).contains("ERROR")) {
                    health.add(lines.get(i));
                    // An error's exception, where it was thrown, and what caused it
                    lines.subList(i + 1, Math.min(lines.size(), i + 40)).stream().limit(12).forEach(health::add);
                }
            }
            return health.subList(Math.max(0, health.size() - 40), health.size());
        } catch (java.io.IOException e) {
            return List.of("(log not readable: " + e + ")");
        }
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static URI uri(String path) {
        return URI.create("http://localhost:" + System.getProperty(HTTP_PORT) + path);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /**
     * Runs a shell command as an operator with the admin role would type it and returns what it printed. Right after the start
     * a command may not be registered yet; it is waited for.
     */
    protected String executeCommand(String command) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return executeOnce(command, ADMIN_ROLES);
            } catch (IllegalStateException e) {
                boolean notYet = e.getCause() != null && e.getCause().getClass().getSimpleName().equals("CommandNotFoundException");
                if (!notYet || Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs a command once, as a person with these roles: the console's ACLs let the session see only the
     * commands those roles may run (others are "not found").
     */
    protected String executeOnce(String command, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest-" + String.join("-", roles)));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = Subject.doAs(subject, (PrivilegedAction<Session>) () -> sessionFactory.create(System.in, out, out));
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            throw new IllegalStateException("'" + command + "' failed: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("'" + command + "' failed: " + e.getMessage(), e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Polls until the supplier answers something that is not null, or fails after the timeout. */
    protected static <T> T await(String what, Duration timeout, Supplier<T> supplier) {
        return Await.until(what, timeout, supplier::get);
    }

    /** Ports this JVM handed out: a port freed here is not handed out again before whoever got it binds it. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Each test JVM (failsafe fork, {@code dms.itest.fork}) hands out ports of its own range, below the system's
     * ephemeral ports: two JVMs never pick the same port, and no outgoing connection takes one between its being
     * picked and its being bound.
     */
    private static final int PORTS_PER_FORK = 4000;
    private static final int FIRST_PORT = 20000;
    private static final int FORK_RANGES = 3;

    /** A port nobody listens on, in this JVM's range, never one handed out before in this JVM. */
    static String freePort() {
        int fork = Integer.getInteger("dms.itest.fork", 1);
        int first = FIRST_PORT + Math.floorMod(fork - 1, FORK_RANGES) * PORTS_PER_FORK;
        int offset = java.util.concurrent.ThreadLocalRandom.current().nextInt(PORTS_PER_FORK);
        for (int attempt = 0; attempt < PORTS_PER_FORK; attempt++) {
            int port = first + (offset + attempt) % PORTS_PER_FORK;
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return Integer.toString(port);
            }
        }
        throw new IllegalStateException("no port free in " + first + ".." + (first + PORTS_PER_FORK - 1) + " that was not handed out already");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
