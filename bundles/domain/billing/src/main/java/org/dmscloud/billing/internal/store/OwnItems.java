package org.dmscloud.billing.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * Which items of an instance's configuration its tenant's own bundles supplied when it was last charged at a current
 * price (column {@code own_items}): an item of the same id that another bundle supplies later is not the one that was
 * bought (R12). Written with plain JDBC beside the instance's entity, which does not map it.
 */
public final class OwnItems {

    private final Jdbc jdbc;

    OwnItems(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The items recorded for the instance; empty if none were recorded yet (charged before they were). */
    public Optional<Set<String>> of(InstanceId instance) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT own_items FROM instance WHERE id = ?")) {
                select.setString(1, instance.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)).map(column -> (Set<String>) OptionIds.split(column)) : Optional.empty();
                }
            }
        });
    }

    /** Records the items, for an instance written in this transaction already. */
    public void record(InstanceId instance, Set<String> ownItems) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE instance SET own_items = ? WHERE id = ?")) {
                update.setString(1, OptionIds.join(new TreeSet<>(ownItems)));
                update.setString(2, instance.toString());
                return update.executeUpdate();
            }
        });
    }
}
