package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcIdempotentActions implements IdempotentActions {

    private final Jdbc jdbc;

    JdbcIdempotentActions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<IdempotentAction> find(AccountId account, String idempotencyKey) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM idempotent_action WHERE account_id = ? AND idempotency_key = ?")) {
                select.setString(1, account.toString());
                select.setString(2, idempotencyKey);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new IdempotentAction(account, idempotencyKey, row.getString("fingerprint"),
                            InstanceId.parse(row.getString("instance_id")), Jdbc.getOptionalLong(row, "ledger_entry_id"),
                            Jdbc.getInstant(row, "created_at")));
                }
            }
        });
    }

    @Override
    public void save(IdempotentAction action) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotent_action (account_id, "
                    + "idempotency_key, fingerprint, instance_id, ledger_entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, action.account().toString());
                insert.setString(2, action.idempotencyKey());
                insert.setString(3, action.fingerprint());
                insert.setString(4, action.instance().toString());
                Jdbc.setNullableLong(insert, 5, action.ledgerEntryId().orElse(null));
                Jdbc.setInstant(insert, 6, action.createdAt());
                return insert.executeUpdate();
            }
        });
    }
}
