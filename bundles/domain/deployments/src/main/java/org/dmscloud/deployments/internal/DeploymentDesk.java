package org.dmscloud.deployments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.deployment.Deployments;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.job.Backoff;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.api.plugin.PluginCallException;
import org.dmscloud.api.plugin.PluginCalls;
import org.dmscloud.deployments.internal.DeploymentRows.Desired;
import org.dmscloud.deployments.internal.DeploymentRows.Row;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.deploy.Deployment;
import org.dmscloud.spi.deploy.InstanceDeployer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every deployment that is behind to what its instance's lifecycle asked, through the instance's deployer:
 * provision, then resume or suspend, apply new settings, or deprovision. Each deployment is claimed first (so one node
 * works on it), each call is made outside any transaction, and each step's outcome is recorded as soon as it is
 * known, so that a retry after a failure or a node's death goes on from the last step done. A failure is shown as
 * {@code FAILED} with the deployer's reason and tried again after a pause that doubles, up to an hour. The rounds are a
 * job of the platform's job runner.
 * <p>
 * A deployer is plugin code: each call into it is bounded in time (shorter than the claim, so that no other node takes
 * the deployment over while the deployer still works on it) and in calls at once per deployer, and whatever it throws or
 * a call that does not end in time fails that deployment alone, which is tried again later.
 */
@Component(service = { Deployments.class, PeriodicJob.class }, immediate = true, configurationPid = DeploymentConfiguration.PID)
@Designate(ocd = DeploymentConfiguration.class)
public class DeploymentDesk implements Deployments, PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentDesk.class);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final int BATCH = 50;
    /** How much shorter than the claim a deployer's call must be, so that the claim outlasts it. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final int CALLS_PER_DEPLOYER = 4;
    private static final int CALL_THREADS = 16;

    private final Store store;
    private final Clock clock;
    private final InstanceAdministration instances;
    private final AccountService accounts;
    private final Backoff pauses;
    private final Duration claim;
    private final Duration poll;
    private final PluginCalls calls;
    private final Map<String, InstanceDeployer> deployers = new ConcurrentHashMap<>();
    /**
     * The deployers that arrived, whose waiting deployments the next round wakes: not the binding thread, which must not
     * wait for the database (unless a test wakes them at once).
     */
    private final Set<String> toWake = ConcurrentHashMap.newKeySet();
    private final boolean wakeAtOnce;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = DeploymentTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public DeploymentDesk(@Reference Store store, @Reference Clock clock, @Reference InstanceAdministration instances, @Reference AccountService accounts,
            DeploymentConfiguration configuration) {
        this(store, clock, instances, accounts, Duration.ofSeconds(Math.max(1, configuration.firstRetrySeconds())),
                Duration.ofSeconds(Math.max(40, configuration.claimSeconds())), Duration.ofSeconds(Math.max(1, configuration.callTimeoutSeconds())),
                Duration.ofMillis(Math.max(100, configuration.pollMillis())), false);
    }

    /**
     * For tests, which call {@link #reconcileDue()}: a deployer's arrival has woken its deployments when
     * {@link #addDeployer} returns.
     */
    DeploymentDesk(Store store, Clock clock, InstanceAdministration instances, AccountService accounts, Duration firstRetry, Duration claim,
            Duration callTimeout) {
        this(store, clock, instances, accounts, firstRetry, claim, callTimeout, Duration.ofSeconds(1), true);
    }

    private DeploymentDesk(Store store, Clock clock, InstanceAdministration instances, AccountService accounts, Duration firstRetry, Duration claim,
            Duration callTimeout, Duration poll, boolean wakeAtOnce) {
        this.store = store;
        this.clock = clock;
        this.instances = instances;
        this.accounts = accounts;
        this.pauses = new Backoff(firstRetry, LONGEST_PAUSE.compareTo(firstRetry) < 0 ? firstRetry : LONGEST_PAUSE);
        this.claim = claim;
        this.poll = poll;
        this.wakeAtOnce = wakeAtOnce;
        Duration longest = claim.minus(CLAIM_MARGIN);
        this.calls = new PluginCalls("deployments", callTimeout.compareTo(longest) > 0 ? longest : callTimeout, CALLS_PER_DEPLOYER, CALL_THREADS);
    }

    @Deactivate
    void deactivate() {
        calls.close();
    }

    @Override
    public String name() {
        return "deployments";
    }

    @Override
    public Duration period() {
        return poll;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeDeployer")
    void addDeployer(InstanceDeployer deployer, Map<String, Object> properties) {
        Object id = properties.get(InstanceDeployer.DEPLOYER_ID);
        if (id == null) {
            LOG.error("A deployer without {} is not used: {}", InstanceDeployer.DEPLOYER_ID, deployer.getClass().getName());
            return;
        }
        deployers.put(id.toString(), deployer);
        // Its deployments waiting for it (it was not there, or came back after an update) are due now.
        toWake.add(id.toString());
        if (wakeAtOnce) {
            wakeWaiting();
        }
    }

    /** Makes due the deployments of the deployers that arrived; a deployer whose could not be is woken next round. */
    private void wakeWaiting() {
        for (String id : List.copyOf(toWake)) {
            try {
                store.inTransaction(transaction -> DeploymentRows.in(transaction).wake(id, clock.instant()));
                toWake.remove(id);
            } catch (RuntimeException e) {
                LOG.warn("The deployments of {} could not be woken: {}", id, e.toString());
            }
        }
    }

    void removeDeployer(InstanceDeployer deployer, Map<String, Object> properties) {
        deployers.remove(String.valueOf(properties.get(InstanceDeployer.DEPLOYER_ID)), deployer);
    }

    @Override
    public Optional<DeploymentStatus> find(InstanceId instance) {
        return store.read(transaction -> DeploymentRows.in(transaction).find(instance)).map(Row::status);
    }

    @Override
    public boolean retry(InstanceId instance) {
        return store.inTransaction(transaction -> DeploymentRows.in(transaction).retryNow(instance, clock.instant()));
    }

    @Override
    public void run() {
        reconcileDue();
    }

    /** One round: every deployment behind and due, each claimed and brought as far as its deployer takes it. */
    void reconcileDue() {
        wakeWaiting();
        List<Row> due = store.read(transaction -> DeploymentRows.in(transaction).due(clock.instant(), BATCH));
        for (Row row : due) {
            if (store.inTransaction(transaction -> DeploymentRows.in(transaction).claim(row, clock.instant(), claim))) {
                reconcile(row);
            }
        }
    }

    private void reconcile(Row row) {
        InstanceDeployer deployer = deployers.get(row.deployer());
        if (deployer == null) {
            fail(row, "No deployer '" + row.deployer() + "' is installed: the instance waits for it.");
            return;
        }
        Optional<Instance> instance = instances.find(row.instance());
        if (instance.isEmpty()) {
            fail(row, "The instance is not found.");
            return;
        }
        Deployment deployment = new Deployment(row.instance(), instance.get().account(),
                accounts.find(instance.get().account()).orElseThrow().tenant(), instance.get().configuration(), row.generation());
        boolean provisioned = row.provisioned();
        boolean serving = row.serving();
        try {
            if (row.desired() == Desired.DELETED) {
                if (provisioned) {
                    call(row, "deprovisioning", () -> deployer.deprovision(deployment));
                    step(row, false, false, true);
                }
                done(row, DeploymentState.DEPROVISIONED);
                return;
            }
            if (!provisioned) {
                call(row, "provisioning", () -> deployer.provision(deployment));
                provisioned = true;
                serving = true;
                step(row, true, true, true);
            } else if (row.settingsPending()) {
                call(row, "applying new settings to", () -> deployer.apply(deployment));
                step(row, true, serving, true);
            }
            if (row.desired() == Desired.RUNNING && !serving) {
                call(row, "resuming", () -> deployer.resume(deployment));
                serving = true;
                step(row, true, true, false);
            } else if (row.desired() == Desired.SUSPENDED && serving) {
                call(row, "suspending", () -> deployer.suspend(deployment));
                serving = false;
                step(row, true, false, false);
            }
            done(row, serving ? DeploymentState.RUNNING : DeploymentState.SUSPENDED);
        } catch (PluginCallException e) {
            // What the deployer threw is the reason shown; a call that did not end in time, or could not be made, says so.
            Throwable thrown = e.kind() == PluginCallException.Kind.THREW && e.getCause() != null ? e.getCause() : e;
            String reason = thrown.getMessage() == null || thrown.getMessage().isBlank() ? thrown.getClass().getSimpleName() : thrown.getMessage();
            LOG.warn("Deployer {} failed on instance {} (attempt {}): {}", row.deployer(), row.instance(), row.attempts() + 1, reason);
            fail(row, reason);
        }
    }

    /** One call into the deployer, on a thread of its own, bounded in time; whatever goes wrong comes back as a PluginCallException. */
    private void call(Row row, String what, DeployerCall call) {
        calls.call(row.deployer(), what + " instance " + row.instance(), () -> {
            call.run();
            return null;
        });
    }

    /** A deployer's method, which may throw anything. */
    @FunctionalInterface
    private interface DeployerCall {
        void run() throws Exception;
    }

    private void step(Row row, boolean provisioned, boolean serving, boolean settingsApplied) {
        store.inTransaction(transaction -> {
            DeploymentRows.in(transaction).stepped(row.instance(), provisioned, serving, settingsApplied, clock.instant());
            return null;
        });
    }

    private void done(Row row, DeploymentState state) {
        store.inTransaction(transaction -> {
            DeploymentRows.in(transaction).done(row, state, clock.instant());
            return null;
        });
    }

    private void fail(Row row, String reason) {
        Instant now = clock.instant();
        Instant retryAt = now.plus(pauses.after(row.attempts() + 1L));
        store.inTransaction(transaction -> {
            DeploymentRows.in(transaction).failed(row, reason, retryAt, now);
            return null;
        });
    }
}
