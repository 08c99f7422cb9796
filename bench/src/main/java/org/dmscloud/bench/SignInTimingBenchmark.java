package org.dmscloud.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.Registration;
import org.dmscloud.api.customer.SignInRefusedException;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.billing.internal.BillingAccountRegister;
import org.dmscloud.billing.internal.LedgerBalanceService;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.customers.internal.CustomerContacts;
import org.dmscloud.customers.internal.CustomersConfiguration;
import org.dmscloud.customers.internal.PortalCustomers;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.mail.internal.OutboxCustomerMail;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.tenants.internal.TenantBook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How long a refused sign-in takes for a registered address with a wrong password and for an address
 * nobody has (the difference told an attacker who is registered). The production class with
 * the distribution's default policy (PBKDF2 at 600,000 iterations) on PostgreSQL; the two kinds alternate,
 * each address tried fewer times than its lockout, each try from another client address, so that every try
 * does the full work. Prints the median and the 90th percentile of each and their ratio.
 * Usage: SignInTimingBenchmark [tries of each kind, default 40] (see bench/README.md).
 */
public final class SignInTimingBenchmark {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");
    private static final String PASSWORD = "correct horse battery staple";

    private SignInTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
        int tries = args.length == 0 || args[0].isBlank() ? 40 : Integer.parseInt(args[0].trim());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE bench_sign_in");
            }
            DataSource dataSource = DailyRunBenchmark.pooled(postgres.getJdbcUrl("postgres", "bench_sign_in"));
            EntityManagerFactory entityManagerFactory = Persistence.createEntityManagerFactory(BillingStore.PERSISTENCE_UNIT,
                    Map.of("javax.persistence.nonJtaDataSource", dataSource));
            try {
                Store store = TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.CUSTOMERS, TestDatabases.MAIL)
                        .store();
                run(store, new BillingStore(store, entityManagerFactory), tries);
            } finally {
                entityManagerFactory.close();
            }
        }
    }

    private static void run(Store store, BillingStore billing, int tries) {
        Clock clock = Clock.systemUTC();
        TenantBook tenants = new TenantBook(store, clock, java.util.Currency.getInstance("EUR"));
        OutboxCustomerMail mail = new OutboxCustomerMail(store, clock, tenants, new CustomerContacts(store),
                new Brand("DMS Cloud", "", "DMS Cloud <no-reply@dmscloud.example>", "https://portal.example"));
        CustomersConfiguration configuration = AnnotationDefaults.of(CustomersConfiguration.class);
        PortalCustomers customers = new PortalCustomers(store, new LedgerBalanceService(billing, clock), new BillingAccountRegister(billing), mail,
                clock, tenants, configuration);
        int perAddress = configuration.maxFailedSignIns() - 1;
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < (tries + perAddress - 1) / perAddress; i++) {
            String email = "user-" + i + "@example.com";
            customers.register(TenantId.DEFAULT, new Registration(email, PASSWORD, "User " + i, ""));
            customers.verify(TenantId.DEFAULT, token(store, email));
            registered.add(email);
        }
        // Warm up both paths (class loading, JIT, the pool) before measuring.
        for (int i = 0; i < 4; i++) {
            refusedIn(customers, "warm-" + i + "@example.com", "198.51.100." + i);
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            known.add(refusedIn(customers, registered.get(i / perAddress), "10.1." + (i / 250) + "." + (i % 250)));
            unknown.add(refusedIn(customers, "nobody-" + (i / perAddress) + "@example.com", "10.2." + (i / 250) + "." + (i % 250)));
        }
        System.out.printf("Refused sign-in, %d tries of each kind, PBKDF2 at %,d iterations, PostgreSQL, %d cores%n", tries,
                configuration.passwordIterations(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %10s %10s%n", "", "median ms", "p90 ms");
        print("registered address, wrong password", known);
        print("unknown address", unknown);
        System.out.printf("ratio of the medians (registered / unknown): %.3f%n", median(known) / median(unknown));
    }

    private static long refusedIn(PortalCustomers customers, String email, String client) {
        long start = System.nanoTime();
        try {
            customers.signIn(TenantId.DEFAULT, email, "wrong password 123", client);
            throw new IllegalStateException("signed in with a wrong password");
        } catch (SignInRefusedException refused) {
            if (refused.getMessage().startsWith("Too many")) {
                throw new IllegalStateException("a try met a lockout and did not do the full work: " + refused.getMessage());
            }
            return System.nanoTime() - start;
        }
    }

    private static String token(Store store, String email) {
        MailRecord verification = store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.of(email), 1)).get(0);
        Matcher token = TOKEN.matcher(verification.body());
        if (!token.find()) {
            throw new IllegalStateException("no token in " + verification.body());
        }
        return java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void print(String label, List<Long> nanos) {
        System.out.printf("%-34s %10.1f %10.1f%n", label, median(nanos), percentile(nanos, 0.9));
    }

    private static double median(List<Long> nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(List<Long> nanos, double fraction) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size()))) / 1e6;
    }
}
