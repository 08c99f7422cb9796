package org.dmscloud.api.instance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.money.Money;

/**
 * An instance as it stands.
 *
 * @param paidUntil     the end of its paid coverage, possibly in the past
 * @param paidRate      the daily rate paid for the coverage still running (zero when none ever was)
 * @param disableReason why it is disabled; empty unless {@link InstanceState#DISABLED}
 */
public record Instance(InstanceId id, AccountId account, String name, InstanceConfiguration configuration,
        InstanceState state, Optional<DisableReason> disableReason, Instant paidUntil, Money paidRate,
        Instant createdAt) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(disableReason, "disableReason");
        Objects.requireNonNull(paidUntil, "paidUntil");
        Objects.requireNonNull(paidRate, "paidRate");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether its paid coverage still runs at {@code at}. */
    public boolean isPaidAt(Instant at) {
        return at.isBefore(paidUntil);
    }
}
