package org.dmscloud.spi.instance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;

/**
 * One thing that happened to an instance, and the instance as it stood right after it. A class with a
 * builder rather than a record, so that what a later platform adds here breaks no listener.
 */
public final class InstanceEvent {

    /** What happened. */
    public enum Type {
        /** The customer created the instance (enabled or disabled: see {@link #state()}). */
        CREATED,
        /** The customer enabled it. */
        ENABLED,
        /** It was disabled: by the customer, an operator, or the daily run for insufficient funds ({@link #disableReason()}). */
        DISABLED,
        /** Its package, expected devices or options changed. */
        SETTINGS_CHANGED,
        /** The customer deleted it; no event follows for it. */
        DELETED,
        /** The daily run charged it for the day that began (R1). */
        CHARGED
    }

    private final long id;
    private final Type type;
    private final Instant occurredAt;
    private final InstanceId instance;
    private final AccountId account;
    private final TenantId tenant;
    private final InstanceConfiguration configuration;
    private final InstanceState state;
    private final DisableReason disableReason;
    private final Instant paidUntil;
    private final Money paidRate;
    private final Money balanceChange;
    private final Long ledgerEntry;

    private InstanceEvent(Builder builder) {
        this.id = builder.id;
        this.type = Objects.requireNonNull(builder.type, "type");
        this.occurredAt = Objects.requireNonNull(builder.occurredAt, "occurredAt");
        this.instance = Objects.requireNonNull(builder.instance, "instance");
        this.account = Objects.requireNonNull(builder.account, "account");
        this.tenant = Objects.requireNonNull(builder.tenant, "tenant");
        this.configuration = Objects.requireNonNull(builder.configuration, "configuration");
        this.state = Objects.requireNonNull(builder.state, "state");
        this.disableReason = builder.disableReason;
        this.paidUntil = Objects.requireNonNull(builder.paidUntil, "paidUntil");
        this.paidRate = Objects.requireNonNull(builder.paidRate, "paidRate");
        this.balanceChange = builder.balanceChange == null ? Money.zero(paidRate.currency()) : builder.balanceChange;
        this.ledgerEntry = builder.ledgerEntry;
        if (!balanceChange.currency().equals(paidRate.currency())) {
            throw new IllegalArgumentException("balance change " + balanceChange + " is not in the instance's currency " + paidRate.currency());
        }
        if ((disableReason != null) != (state == InstanceState.DISABLED)) {
            throw new IllegalArgumentException("a disable reason goes with the state DISABLED, and only with it");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The event's id: unique, never reused, the same each time the event is delivered again. Handle an
     * event whose id you have handled as done.
     */
    public long id() {
        return id;
    }

    public Type type() {
        return type;
    }

    /** When it happened, to the whole second (the instant the billing used). */
    public Instant occurredAt() {
        return occurredAt;
    }

    public InstanceId instance() {
        return instance;
    }

    /** The customer's account the instance belongs to. */
    public AccountId account() {
        return account;
    }

    /** The tenant (reseller, or {@link TenantId#DEFAULT}) whose customer owns the instance. */
    public TenantId tenant() {
        return tenant;
    }

    /** Its package, expected devices and options after the event. */
    public InstanceConfiguration configuration() {
        return configuration;
    }

    /** Its state after the event. */
    public InstanceState state() {
        return state;
    }

    /** Why it is disabled, when {@link #state()} is {@link InstanceState#DISABLED}. */
    public Optional<DisableReason> disableReason() {
        return Optional.ofNullable(disableReason);
    }

    /** The end of its paid coverage after the event. */
    public Instant paidUntil() {
        return paidUntil;
    }

    /** The daily rate its running coverage was paid at, in the account's currency (zero when none ever was). */
    public Money paidRate() {
        return paidRate;
    }

    /**
     * What the event did to the account's balance: negative for a charge, positive for a credit, zero when it
     * cost nothing. Its ledger entry is {@link #ledgerEntry()}.
     */
    public Money balanceChange() {
        return balanceChange;
    }

    /** The ledger entry of {@link #balanceChange()}, when it was not zero. */
    public OptionalLong ledgerEntry() {
        return ledgerEntry == null ? OptionalLong.empty() : OptionalLong.of(ledgerEntry);
    }

    /** A builder holding this event's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder().id(id).type(type).occurredAt(occurredAt).instance(instance).account(account).tenant(tenant)
                .configuration(configuration).state(state).disableReason(disableReason).paidUntil(paidUntil).paidRate(paidRate)
                .balanceChange(balanceChange);
        builder.ledgerEntry = ledgerEntry;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceEvent other && id == other.id && type == other.type && occurredAt.equals(other.occurredAt)
                && instance.equals(other.instance) && account.equals(other.account) && tenant.equals(other.tenant)
                && configuration.equals(other.configuration) && state == other.state && Objects.equals(disableReason, other.disableReason)
                && paidUntil.equals(other.paidUntil) && paidRate.equals(other.paidRate) && balanceChange.equals(other.balanceChange)
                && Objects.equals(ledgerEntry, other.ledgerEntry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, instance, occurredAt);
    }

    @Override
    public String toString() {
        return "InstanceEvent[" + id + " " + type + " " + instance + " at " + occurredAt + ", " + state
                + (disableReason == null ? "" : " (" + disableReason + ")") + ", balance change " + balanceChange + "]";
    }

    /** Builds an event; every value is required except the disable reason, balance change and ledger entry. */
    public static final class Builder {

        private long id;
        private Type type;
        private Instant occurredAt;
        private InstanceId instance;
        private AccountId account;
        private TenantId tenant;
        private InstanceConfiguration configuration;
        private InstanceState state;
        private DisableReason disableReason;
        private Instant paidUntil;
        private Money paidRate;
        private Money balanceChange;
        private Long ledgerEntry;

        private Builder() {
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder instance(InstanceId instance) {
            this.instance = instance;
            return this;
        }

        public Builder account(AccountId account) {
            this.account = account;
            return this;
        }

        public Builder tenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder configuration(InstanceConfiguration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder state(InstanceState state) {
            this.state = state;
            return this;
        }

        public Builder disableReason(DisableReason disableReason) {
            this.disableReason = disableReason;
            return this;
        }

        public Builder paidUntil(Instant paidUntil) {
            this.paidUntil = paidUntil;
            return this;
        }

        public Builder paidRate(Money paidRate) {
            this.paidRate = paidRate;
            return this;
        }

        public Builder balanceChange(Money balanceChange) {
            this.balanceChange = balanceChange;
            return this;
        }

        public Builder ledgerEntry(long ledgerEntry) {
            this.ledgerEntry = ledgerEntry;
            return this;
        }

        public InstanceEvent build() {
            return new InstanceEvent(this);
        }
    }
}
