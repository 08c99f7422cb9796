package org.dmscloud.deployments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceQuery;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.deployments.internal.DeploymentRows.Desired;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.billing.testing.BillingRows;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.deploy.Deployment;
import org.dmscloud.spi.deploy.InstanceDeployer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deployments following their instances' lifecycle through a deployer, on every database the platform supports. */
abstract class DeploymentsContractTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);

    private TestDatabases.OpenStore database;
    private Store store;
    private final TestClock clock = new TestClock(START);
    private final RecordingDeployer deployer = new RecordingDeployer();
    private DeploymentDesk desk;

    protected abstract DataSource dataSource();

    @BeforeEach
    void open() {
        database = TestDatabases.open(dataSource(), TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.DEPLOYMENTS);
        store = database.store();
        desk = new DeploymentDesk(store, clock, new Instances(), new Accounts(), Duration.ofSeconds(10), Duration.ofMinutes(5), CALL_TIMEOUT);
        desk.addDeployer(deployer, Map.of(InstanceDeployer.DEPLOYER_ID, "recording"));
    }

    @AfterEach
    void close() {
        deployer.hanging.countDown();
        desk.deactivate();
        database.close();
    }

    @Test
    void anInstanceIsProvisionedThenSuspendedResumedGivenNewSettingsAndDeprovisionedAsItsLifecycleAsks() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "recording", Desired.RUNNING, clock.instant()));
        assertThat(status(instance).state()).isEqualTo(DeploymentState.PROVISIONING);
        assertThat(status(instance).pending()).isTrue();

        desk.reconcileDue();
        assertThat(deployer.calls).containsExactly("provision " + instance + " #1");
        assertThat(status(instance)).extracting(DeploymentStatus::state, DeploymentStatus::pending).containsExactly(DeploymentState.RUNNING, false);

        ask(instance, rows -> rows.ask(instance, Desired.SUSPENDED, false, clock.instant()));
        ask(instance, rows -> rows.ask(instance, Desired.SUSPENDED, true, clock.instant()));
        desk.reconcileDue();
        ask(instance, rows -> rows.ask(instance, Desired.RUNNING, false, clock.instant()));
        desk.reconcileDue();
        desk.reconcileDue();
        ask(instance, rows -> rows.ask(instance, Desired.DELETED, false, clock.instant()));
        desk.reconcileDue();

        assertThat(deployer.calls).containsExactly("provision " + instance + " #1", "apply " + instance + " #3", "suspend " + instance + " #3",
                "resume " + instance + " #4", "deprovision " + instance + " #5");
        assertThat(status(instance).state()).isEqualTo(DeploymentState.DEPROVISIONED);
    }

    @Test
    void anInstanceCreatedDisabledIsProvisionedThenSuspended() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "recording", Desired.SUSPENDED, clock.instant()));
        desk.reconcileDue();

        assertThat(deployer.calls).containsExactly("provision " + instance + " #1", "suspend " + instance + " #1");
        assertThat(status(instance).state()).isEqualTo(DeploymentState.SUSPENDED);
    }

    @Test
    void aFailureIsShownWithItsReasonRetriedAfterAPauseThatDoublesAndGoesOnFromTheLastStepDone() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "recording", Desired.SUSPENDED, clock.instant()));
        deployer.failing.add("suspend");

        desk.reconcileDue();
        DeploymentStatus failed = status(instance);
        assertThat(failed).extracting(DeploymentStatus::state, DeploymentStatus::reason, DeploymentStatus::attempts, DeploymentStatus::nextAttemptAt)
                .containsExactly(DeploymentState.FAILED, Optional.of("the cluster said no to suspend"), 1, Optional.of(START.plusSeconds(10)));
        desk.reconcileDue();
        assertThat(deployer.calls).as("not before its pause").hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        desk.reconcileDue();
        assertThat(status(instance).nextAttemptAt()).as("twice the pause").hasValue(START.plusSeconds(30));
        assertThat(desk.retry(instance)).isTrue();
        deployer.failing.clear();
        desk.reconcileDue();

        assertThat(deployer.calls).as("provisioned once, not again").containsExactly("provision " + instance + " #1", "suspend " + instance + " #1",
                "suspend " + instance + " #1", "suspend " + instance + " #1");
        assertThat(status(instance)).extracting(DeploymentStatus::state, DeploymentStatus::reason, DeploymentStatus::attempts)
                .containsExactly(DeploymentState.SUSPENDED, Optional.empty(), 0);
        assertThat(desk.retry(instance)).as("nothing pending").isFalse();
    }

    @Test
    void aDeployerThatThrowsAnErrorFailsThatDeploymentWithTheReasonAndIsTriedAgain() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "recording", Desired.RUNNING, clock.instant()));
        deployer.crashing.add("provision");

        desk.reconcileDue();

        assertThat(status(instance)).extracting(DeploymentStatus::state, DeploymentStatus::reason)
                .containsExactly(DeploymentState.FAILED, Optional.of("io/fabric8/kubernetes/client/KubernetesClient"));
        deployer.crashing.clear();
        clock.advance(Duration.ofSeconds(10));
        desk.reconcileDue();
        assertThat(status(instance).state()).isEqualTo(DeploymentState.RUNNING);
    }

    @Test
    @Timeout(60) // without the bound, the round waits for the hung deployer for ever
    void aDeployerThatHangsFailsThatDeploymentAfterTheCallTimeoutAndTheRoundGoesOnWithTheOthers() {
        InstanceId hung = instance();
        ask(hung, rows -> rows.create(hung, "recording", Desired.RUNNING, clock.instant()));
        RecordingDeployer other = new RecordingDeployer();
        desk.addDeployer(other, Map.of(InstanceDeployer.DEPLOYER_ID, "other"));
        InstanceId served = instance();
        ask(served, rows -> rows.create(served, "other", Desired.RUNNING, clock.instant()));
        deployer.hangingOn.add("provision");

        desk.reconcileDue();

        assertThat(status(hung).state()).isEqualTo(DeploymentState.FAILED);
        assertThat(status(hung).reason()).hasValueSatisfying(reason -> assertThat(reason).contains("recording", "provisioning instance " + hung,
                "no answer within 500 ms"));
        assertThat(status(served).state()).as("the other deployer's instance, in the same round").isEqualTo(DeploymentState.RUNNING);

        // The hung call still holds one of the deployer's places until it returns; released, the retry provisions it.
        deployer.hangingOn.clear();
        deployer.hanging.countDown();
        clock.advance(Duration.ofSeconds(10));
        desk.reconcileDue();
        assertThat(status(hung).state()).isEqualTo(DeploymentState.RUNNING);
    }

    @Test
    void anInstanceWhoseDeployerIsNotInstalledWaitsForItAndIsDeployedWhenItComes() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "kubernetes", Desired.RUNNING, clock.instant()));
        desk.reconcileDue();
        assertThat(status(instance)).extracting(DeploymentStatus::state, DeploymentStatus::reason)
                .containsExactly(DeploymentState.FAILED, Optional.of("No deployer 'kubernetes' is installed: the instance waits for it."));

        RecordingDeployer kubernetes = new RecordingDeployer();
        desk.addDeployer(kubernetes, Map.of(InstanceDeployer.DEPLOYER_ID, "kubernetes"));
        store.inTransaction(transaction -> DeploymentRows.in(transaction).wake("kubernetes", clock.instant()));
        desk.reconcileDue();

        assertThat(kubernetes.calls).containsExactly("provision " + instance + " #1");
        assertThat(status(instance).state()).isEqualTo(DeploymentState.RUNNING);
    }

    @Test
    void aDeploymentClaimedByAnotherNodeIsLeftToItUntilItsClaimRunsOut() {
        InstanceId instance = instance();
        ask(instance, rows -> rows.create(instance, "recording", Desired.RUNNING, clock.instant()));
        DeploymentRows.Row row = store.read(transaction -> DeploymentRows.in(transaction).find(instance)).orElseThrow();
        boolean claimed = store.inTransaction(transaction -> DeploymentRows.in(transaction).claim(row, clock.instant(), Duration.ofMinutes(5)));
        assertThat(claimed).isTrue();

        desk.reconcileDue();
        assertThat(deployer.calls).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        desk.reconcileDue();
        assertThat(deployer.calls).containsExactly("provision " + instance + " #1");
    }

    private void ask(InstanceId instance, java.util.function.Consumer<DeploymentRows> change) {
        store.inTransaction(transaction -> {
            change.accept(DeploymentRows.in(transaction));
            return null;
        });
    }

    private DeploymentStatus status(InstanceId instance) {
        return desk.find(instance).orElseThrow();
    }

    /** An account with an instance, as billing would have made them. */
    private InstanceId instance() {
        return BillingRows.instance(database.store(), START);
    }

    /** A deployer that notes each call, and fails the kinds of calls it is told to. */
    static final class RecordingDeployer implements InstanceDeployer {

        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> failing = Collections.synchronizedList(new ArrayList<>());
        final List<String> crashing = Collections.synchronizedList(new ArrayList<>());
        final List<String> hangingOn = Collections.synchronizedList(new ArrayList<>());
        /** What a hanging call waits for, ignoring interrupts as a careless deployer does. */
        final java.util.concurrent.CountDownLatch hanging = new java.util.concurrent.CountDownLatch(1);

        private void call(String what, Deployment deployment) throws Exception {
            calls.add(what + " " + deployment.instance() + " #" + deployment.generation());
            if (hangingOn.contains(what)) {
                while (hanging.getCount() > 0) {
                    try {
                        hanging.await();
                    } catch (InterruptedException ignored) {
                        // A careless deployer goes on waiting.
                    }
                }
            }
            if (failing.contains(what)) {
                throw new Exception("the cluster said no to " + what);
            }
            if (crashing.contains(what)) {
                throw new NoClassDefFoundError("io/fabric8/kubernetes/client/KubernetesClient");
            }
        }

        @Override
        public void provision(Deployment deployment) throws Exception {
            call("provision", deployment);
        }

        @Override
        public void suspend(Deployment deployment) throws Exception {
            call("suspend", deployment);
        }

        @Override
        public void resume(Deployment deployment) throws Exception {
            call("resume", deployment);
        }

        @Override
        public void apply(Deployment deployment) throws Exception {
            call("apply", deployment);
        }

        @Override
        public void deprovision(Deployment deployment) throws Exception {
            call("deprovision", deployment);
        }
    }

    /** The instances the test made, read back as the platform's administration gives them. */
    private final class Instances implements InstanceAdministration {

        @Override
        public List<Instance> search(InstanceQuery query) {
            return List.of();
        }

        @Override
        public Optional<Instance> find(InstanceId instance) {
            return Optional.of(new Instance(instance, new AccountId(UUID.nameUUIDFromBytes(instance.toString().getBytes())), "Deployed",
                    new InstanceConfiguration("starter", 2, new TreeSet<>()), InstanceState.ENABLED, Optional.empty(), START,
                    Money.of("2.00", "EUR"), START));
        }
    }

    private static final class Accounts implements AccountService {

        @Override
        public Account open(TenantId tenant, String displayName, Currency currency) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> find(AccountId account) {
            return Optional.of(new Account(account, TenantId.DEFAULT, "Deployments test", Money.of("0.00", "EUR"), START));
        }
    }
}
