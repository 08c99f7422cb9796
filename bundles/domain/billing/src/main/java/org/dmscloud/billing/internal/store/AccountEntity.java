package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;

/** An account row. Instants are kept to the microsecond, the precision both databases store. */
@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 63)
    private String tenantId;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    // Changed only by ledger entries, in SQL; never written from here.
    @Column(name = "balance_minor", nullable = false, insertable = false, updatable = false)
    private long balanceMinor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountEntity() {
    }

    AccountEntity(NewAccount account) {
        this.id = account.id().toString();
        this.tenantId = account.tenant().value();
        this.displayName = account.displayName();
        this.currency = account.currency().getCurrencyCode();
        this.createdAt = account.createdAt().truncatedTo(ChronoUnit.MICROS);
    }

    Currency currency() {
        return Currency.getInstance(currency);
    }

    Account toRecord() {
        return new Account(AccountId.parse(id), new TenantId(tenantId), displayName, Money.ofMinor(balanceMinor, currency()), createdAt);
    }
}
