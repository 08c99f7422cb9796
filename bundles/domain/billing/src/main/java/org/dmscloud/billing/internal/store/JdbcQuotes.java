package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcQuotes implements Quotes {

    private final Jdbc jdbc;

    JdbcQuotes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(QuoteRecord quote) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO quote (id, account_id, action, fingerprint, "
                    + "amount_minor, currency, quoted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, quote.id().toString());
                insert.setString(2, quote.account().toString());
                insert.setString(3, quote.action().name());
                insert.setString(4, quote.fingerprint());
                insert.setLong(5, quote.amount().minorUnits());
                insert.setString(6, quote.amount().currencyCode());
                Jdbc.setInstant(insert, 7, quote.quotedAt());
                Jdbc.setInstant(insert, 8, quote.expiresAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<QuoteRecord> find(UUID id) {
        return one(id, Optional.empty());
    }

    @Override
    public Optional<QuoteRecord> findOfAccount(AccountId account, UUID id) {
        return one(id, Optional.of(account));
    }

    private Optional<QuoteRecord> one(UUID id, Optional<AccountId> account) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM quote WHERE id = ? AND (? IS NULL OR account_id = ?)")) {
                select.setString(1, id.toString());
                select.setString(2, account.map(AccountId::toString).orElse(null));
                select.setString(3, account.map(AccountId::toString).orElse(null));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new QuoteRecord(id, AccountId.parse(row.getString("account_id")),
                            BillableAction.valueOf(row.getString("action")), row.getString("fingerprint"),
                            Money.ofMinor(row.getLong("amount_minor"), Currency.getInstance(row.getString("currency"))),
                            Jdbc.getInstant(row, "quoted_at"), Jdbc.getInstant(row, "expires_at")));
                }
            }
        });
    }

    @Override
    public int deleteExpired(Instant before) {
        return jdbc.call(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM quote WHERE expires_at < ?")) {
                Jdbc.setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }
}
