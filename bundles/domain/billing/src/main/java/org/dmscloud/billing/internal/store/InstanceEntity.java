package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.Version;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;

/** An instance row. Instants are kept to the microsecond, the precision both databases store. */
@Entity
@Table(name = "instance")
@NamedQuery(name = InstanceEntity.BY_ACCOUNT, query = "SELECT i, a.currency FROM InstanceEntity i, AccountEntity a "
        + "WHERE a.id = i.accountId AND i.accountId = :account AND i.state <> 'DELETED' ORDER BY i.createdAt, i.id")
@NamedQuery(name = InstanceEntity.BY_ID, query = "SELECT i, a.currency FROM InstanceEntity i, AccountEntity a WHERE a.id = i.accountId AND i.id = :id")
public class InstanceEntity {

    static final String BY_ACCOUNT = "InstanceEntity.byAccount";
    static final String BY_ID = "InstanceEntity.byId";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36, updatable = false)
    private String accountId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "package_id", nullable = false, length = 63)
    private String packageId;

    @Column(name = "expected_devices", nullable = false)
    private long expectedDevices;

    @Column(name = "option_ids", nullable = false, length = 1000)
    private String optionIds;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "disable_reason", length = 32)
    private String disableReason;

    @Column(name = "paid_until", nullable = false)
    private Instant paidUntil;

    @Column(name = "paid_rate_minor", nullable = false)
    private long paidRateMinor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected InstanceEntity() {
    }

    InstanceEntity(Instance instance) {
        this.id = instance.id().toString();
        this.accountId = instance.account().toString();
        this.createdAt = micros(instance.createdAt());
        apply(instance);
    }

    /** Takes the instance's mutable state: name, configuration, state, coverage. */
    void apply(Instance instance) {
        name = instance.name();
        packageId = instance.configuration().packageId();
        expectedDevices = instance.configuration().expectedDevices();
        optionIds = OptionIds.join(instance.configuration().optionIds());
        state = instance.state().name();
        disableReason = instance.disableReason().map(DisableReason::name).orElse(null);
        paidUntil = micros(instance.paidUntil());
        paidRateMinor = instance.paidRate().minorUnits();
    }

    String accountId() {
        return accountId;
    }

    Instance toRecord(Currency accountCurrency) {
        return new Instance(InstanceId.parse(id), AccountId.parse(accountId), name,
                new InstanceConfiguration(packageId, expectedDevices, OptionIds.split(optionIds)),
                InstanceState.valueOf(state), Optional.ofNullable(disableReason).map(DisableReason::valueOf), paidUntil,
                Money.ofMinor(paidRateMinor, accountCurrency), createdAt);
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
