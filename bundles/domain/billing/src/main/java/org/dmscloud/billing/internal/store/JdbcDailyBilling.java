package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcDailyBilling implements DailyBilling {

    private static final String DUE_COLUMNS = "id, account_id, name, package_id, expected_devices, option_ids, paid_rate_minor, paid_until, created_at, version, "
            + "own_items";

    private static final Comparator<DueInstance> RUN_ORDER =
            Comparator.comparing(DueInstance::createdAt).thenComparing(d -> d.id().toString());

    private final Jdbc jdbc;
    private final BatchWrites writes;

    JdbcDailyBilling(Jdbc jdbc, BatchWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public List<DueInstance> findDue(Instant paidBefore, Shard shard, RunCursor after, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DUE_COLUMNS + " FROM instance "
                    + "WHERE state = ? AND paid_until < ? AND (created_at, id) > (?, ?) AND account_id >= ? AND account_id < ? "
                    + "ORDER BY created_at, id FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, InstanceState.ENABLED.name());
                Jdbc.setInstant(select, 2, paidBefore);
                Jdbc.setInstant(select, 3, after.createdAt());
                select.setString(4, after.id().toString());
                select.setString(5, lowerBound(shard));
                select.setString(6, upperBound(shard));
                select.setInt(7, limit);
                return readDue(select);
            }
        });
    }

    /** UUIDs in the order of their lower-case text, as the database sorts the id columns, without making text. */
    private static int textOrder(java.util.UUID a, java.util.UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /**
     * Shards split account ids (lower-case UUID text, evenly random) by their first two hex digits: shard i
     * of n holds the ids from bucket 256·i/n on, to the next shard's first bucket.
     */
    private static String lowerBound(Shard shard) {
        return String.format("%02x", 256 * shard.index() / shard.count());
    }

    private static String upperBound(Shard shard) {
        int bucket = 256 * (shard.index() + 1) / shard.count();
        return bucket == 256 ? "g" : String.format("%02x", bucket); // "g" sorts after every hex digit
    }

    @Override
    public Map<AccountId, AccountToBill> lockAccounts(Collection<AccountId> accounts) {
        return accounts(accounts, " ORDER BY id FOR UPDATE");
    }

    @Override
    public Map<AccountId, AccountToBill> readAccounts(Collection<AccountId> accounts) {
        return accounts(accounts, "");
    }

    private Map<AccountId, AccountToBill> accounts(Collection<AccountId> accounts, String lock) {
        TreeSet<String> ids = new TreeSet<>();
        accounts.forEach(a -> ids.add(a.toString()));
        return jdbc.call(connection -> {
            Map<AccountId, AccountToBill> balances = new HashMap<>();
            if (ids.isEmpty()) {
                return balances;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, balance_minor, currency, tenant_id FROM account "
                    + "WHERE id IN (" + Jdbc.placeholders(ids.size()) + ")" + lock)) {
                int index = 1;
                for (String id : ids) {
                    select.setString(index++, id);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        balances.put(new AccountId(java.util.UUID.fromString(rows.getString(1))), new AccountToBill(
                                Money.ofMinor(rows.getLong(2), Currency.getInstance(rows.getString(3))), new TenantId(rows.getString(4))));
                    }
                }
            }
            return balances;
        });
    }

    @Override
    public List<DueInstance> lockStillDue(Collection<InstanceId> instances, Instant paidBefore) {
        TreeSet<String> ids = new TreeSet<>();
        instances.forEach(i -> ids.add(i.toString()));
        return jdbc.call(connection -> {
            if (ids.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DUE_COLUMNS + " FROM instance "
                    + "WHERE id IN (" + Jdbc.placeholders(ids.size()) + ") AND state = ? AND paid_until < ? ORDER BY id FOR UPDATE")) {
                int index = 1;
                for (String id : ids) {
                    select.setString(index++, id);
                }
                select.setString(index++, InstanceState.ENABLED.name());
                Jdbc.setInstant(select, index, paidBefore);
                List<DueInstance> due = readDue(select);
                due.sort(RUN_ORDER);
                return due;
            }
        });
    }

    @Override
    public List<Long> applyCharges(List<DailyCharge> charges) {
        if (charges.isEmpty()) {
            return List.of();
        }
        return jdbc.call(connection -> {
            writes.updateCoverage(connection, charges);
            Map<AccountId, Long> charged = new HashMap<>();
            List<NewLedgerEntry> entries = new ArrayList<>(charges.size());
            List<Money> balancesAfter = new ArrayList<>(charges.size());
            for (DailyCharge charge : charges) {
                charged.merge(charge.entry().account(), -charge.entry().amount().minorUnits(), Long::sum);
                entries.add(charge.entry());
                balancesAfter.add(charge.balanceAfter());
            }
            writes.lowerBalances(connection, charged);
            recordOwnItems(connection, charges);
            return writes.insertLedger(connection, entries, balancesAfter);
        });
    }

    /** The suppliers of the charges whose suppliers changed (rarely: once after an upgrade, or when a plugin changes). */
    private static void recordOwnItems(java.sql.Connection connection, List<DailyCharge> charges) throws SQLException {
        List<DailyCharge> changed = charges.stream().filter(DailyCharge::changesOwnItems).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET own_items = ? WHERE id = ?")) {
            for (DailyCharge charge : changed) {
                update.setString(1, OptionIds.join(new TreeSet<>(charge.ownItems().orElseThrow())));
                update.setString(2, charge.instance().id().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    @Override
    public void disableForInsufficientFunds(Collection<InstanceId> instances) {
        if (instances.isEmpty()) {
            return;
        }
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET state = ?, disable_reason = ?, "
                    + "version = version + 1 WHERE id IN (" + Jdbc.placeholders(instances.size()) + ")")) {
                update.setString(1, InstanceState.DISABLED.name());
                update.setString(2, DisableReason.INSUFFICIENT_FUNDS.name());
                int index = 3;
                for (InstanceId instance : instances) {
                    update.setString(index++, instance.toString());
                }
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<Long> applyIfUnchanged(List<DailyCharge> charges, List<DueInstance> disabled, Map<AccountId, AccountToBill> accountsRead) {
        return jdbc.call(connection -> {
            // Accounts first, as everywhere, in id order like every batch; each write checks the row is as it was read.
            Map<AccountId, Long> charged = new java.util.LinkedHashMap<>();
            accountsRead.keySet().stream().sorted(Comparator.comparing(AccountId::value, JdbcDailyBilling::textOrder))
                    .forEach(account -> charged.put(account, 0L));
            List<NewLedgerEntry> entries = new ArrayList<>(charges.size());
            List<Money> balancesAfter = new ArrayList<>(charges.size());
            for (DailyCharge charge : charges) {
                charged.merge(charge.entry().account(), -charge.entry().amount().minorUnits(), Long::sum);
                entries.add(charge.entry());
                balancesAfter.add(charge.balanceAfter());
            }
            Map<AccountId, Long> expected = new HashMap<>();
            accountsRead.forEach((account, read) -> expected.put(account, read.balance().minorUnits()));
            if (!writes.lowerBalancesIfUnchanged(connection, charged, expected)) {
                throw new ConcurrentChangeException("a balance changed while the batch was decided");
            }
            if (!writes.updateCoverageIfUnchanged(connection, charges)) {
                throw new ConcurrentChangeException("an instance changed while the batch was decided");
            }
            if (!writes.disableIfUnchanged(connection, disabled)) {
                throw new ConcurrentChangeException("an instance changed while the batch was decided");
            }
            recordOwnItems(connection, charges);
            return charges.isEmpty() ? List.of() : writes.insertLedger(connection, entries, balancesAfter);
        });
    }

    private static List<DueInstance> readDue(PreparedStatement select) throws SQLException {
        List<DueInstance> due = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                due.add(new DueInstance(new InstanceId(java.util.UUID.fromString(rows.getString("id"))),
                        new AccountId(java.util.UUID.fromString(rows.getString("account_id"))), rows.getString("name"),
                        new InstanceConfiguration(rows.getString("package_id"), rows.getLong("expected_devices"),
                                OptionIds.split(rows.getString("option_ids"))),
                        rows.getLong("paid_rate_minor"), Jdbc.getInstant(rows, "paid_until"), Jdbc.getInstant(rows, "created_at"),
                        rows.getLong("version"), Optional.ofNullable(rows.getString("own_items")).map(column -> (java.util.Set<String>) OptionIds.split(column))));
            }
        }
        return due;
    }
}
