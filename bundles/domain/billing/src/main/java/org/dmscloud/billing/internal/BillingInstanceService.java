package org.dmscloud.billing.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.events.InstanceJournal;
import org.dmscloud.spi.instance.InstanceEvent.Type;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/** The instance lifecycle with its billing effects (R3–R9). */
@Component(service = InstanceService.class)
public class BillingInstanceService implements InstanceService {

    private final BillingStore store;
    private final ActionPlanner planner;
    private final InstanceActions actions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    public BillingInstanceService(@Reference BillingStore store, @Reference Pricing pricing, @Reference Clock clock, @Reference InstanceJournal journal) {
        this.store = store;
        this.planner = new ActionPlanner(pricing);
        this.actions = new InstanceActions(store, clock, new BillingEventPublisher(() -> eventAdmin), journal);
    }

    @Override
    public InstanceChange create(AccountId account, NewInstance request, ActionOptions options) {
        String fingerprint = Fingerprints.create(request.configuration(), request.enabled());
        return actions.perform(account, fingerprint, options, (tx, owner, now) -> {
            Plan plan = planner.create(owner, request.configuration(), request.enabled(), now);
            Effect effect = plan.effect();
            Instance created = tx.instances().create(new Instance(InstanceId.random(), account, request.name(), request.configuration(),
                    request.enabled() ? InstanceState.ENABLED : InstanceState.DISABLED,
                    request.enabled() ? Optional.empty() : Optional.of(DisableReason.CUSTOMER), effect.paidUntil(),
                    effect.paidRate(), now));
            plan.ownItems().ifPresent(own -> tx.ownItems().record(created.id(), own));
            return new InstanceActions.Outcome(created, plan, "Created '" + request.name() + "'", Optional.of(Type.CREATED));
        });
    }

    @Override
    public InstanceChange enable(AccountId account, InstanceId id, ActionOptions options) {
        return actions.perform(account, Fingerprints.enable(id), options, (tx, owner, now) -> {
            Instance instance = InstanceActions.lockInstance(tx, owner, id);
            Plan plan = planner.enable(owner, instance, tx.ownItems().of(id), now);
            Instance enabled = tx.instances().update(with(instance, instance.configuration(), InstanceState.ENABLED, Optional.empty(), plan.effect()));
            plan.ownItems().ifPresent(own -> tx.ownItems().record(id, own));
            return new InstanceActions.Outcome(enabled, plan, "Enabled '" + instance.name() + "'", changed(instance, enabled, Type.ENABLED));
        });
    }

    @Override
    public InstanceChange disable(AccountId account, InstanceId id, ActionOptions options) {
        return actions.perform(account, Fingerprints.disable(id), options, (tx, owner, now) -> {
            Instance instance = InstanceActions.lockInstance(tx, owner, id);
            Plan plan = planner.disable(instance);
            Optional<DisableReason> reason = instance.state() == InstanceState.DISABLED ? instance.disableReason() : Optional.of(DisableReason.CUSTOMER);
            Instance disabled = tx.instances().update(with(instance, instance.configuration(), InstanceState.DISABLED, reason, plan.effect()));
            return new InstanceActions.Outcome(disabled, plan, "Disabled '" + instance.name() + "'", changed(instance, disabled, Type.DISABLED));
        });
    }

    @Override
    public InstanceChange changeSettings(AccountId account, InstanceId id, InstanceConfiguration configuration, ActionOptions options) {
        return actions.perform(account, Fingerprints.changeSettings(id, configuration), options, (tx, owner, now) -> {
            Instance instance = InstanceActions.lockInstance(tx, owner, id);
            Plan plan = planner.changeSettings(owner, instance, configuration, now);
            Instance changed = tx.instances().update(with(instance, configuration, instance.state(), instance.disableReason(), plan.effect()));
            plan.ownItems().ifPresent(own -> tx.ownItems().record(id, own));
            return new InstanceActions.Outcome(changed, plan, "Changed the settings of '" + instance.name() + "'",
                    changed(instance, changed, Type.SETTINGS_CHANGED));
        });
    }

    @Override
    public InstanceChange delete(AccountId account, InstanceId id, ActionOptions options) {
        return actions.perform(account, Fingerprints.delete(id), options, (tx, owner, now) -> {
            Instance instance = InstanceActions.lockInstance(tx, owner, id);
            Plan plan = planner.delete(instance, now);
            Instance deleted = tx.instances().update(with(instance, instance.configuration(), InstanceState.DELETED, Optional.empty(), plan.effect()));
            return new InstanceActions.Outcome(deleted, plan, "Deleted '" + instance.name() + "'", Optional.of(Type.DELETED));
        });
    }

    @Override
    public Optional<Instance> find(AccountId account, InstanceId id) {
        return store.read(tx -> tx.instances().findOfAccount(account, id)).filter(instance -> instance.state() != InstanceState.DELETED);
    }

    @Override
    public List<Instance> list(AccountId account) {
        return store.read(tx -> tx.instances().listByAccount(account));
    }

    /** The event, if the action changed the instance's state or settings (enabling an enabled instance does not). */
    private static Optional<Type> changed(Instance before, Instance after, Type type) {
        boolean same = before.state() == after.state() && before.configuration().equals(after.configuration());
        return same ? Optional.empty() : Optional.of(type);
    }

    private static Instance with(Instance instance, InstanceConfiguration configuration, InstanceState state,
            Optional<DisableReason> reason, Effect effect) {
        return new Instance(instance.id(), instance.account(), instance.name(), configuration, state, reason, effect.paidUntil(),
                effect.paidRate(), instance.createdAt());
    }
}
