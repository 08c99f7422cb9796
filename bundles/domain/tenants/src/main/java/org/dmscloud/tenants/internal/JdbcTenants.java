package org.dmscloud.tenants.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.persistence.jdbc.Jdbc;

final class JdbcTenants implements Tenants {

    private final Jdbc jdbc;

    JdbcTenants(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return one(id, "");
    }

    @Override
    public Optional<Tenant> lock(TenantId id) {
        return one(id, " FOR UPDATE");
    }

    private Optional<Tenant> one(TenantId id, String lock) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM tenant WHERE id = ? AND settings IS NOT NULL" + lock)) {
                select.setString(1, id.value());
                List<Tenant> tenants = read(connection, select);
                return tenants.isEmpty() ? Optional.empty() : Optional.of(tenants.get(0));
            }
        });
    }

    @Override
    public List<Tenant> list() {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM tenant WHERE settings IS NOT NULL "
                    + "ORDER BY CASE WHEN id = 'default' THEN 0 ELSE 1 END, id")) {
                return read(connection, select);
            }
        });
    }

    @Override
    public List<TenantId> unsettled() {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM tenant WHERE settings IS NULL ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                List<TenantId> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(new TenantId(rows.getString("id")));
                }
                return ids;
            }
        });
    }

    @Override
    public void insert(Tenant tenant) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant (id, name, status, settings, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, tenant.id().value());
                insert.setString(2, tenant.name());
                insert.setString(3, tenant.status().name());
                insert.setString(4, TenantSettingsJson.write(tenant.settings()));
                Jdbc.setInstant(insert, 5, tenant.createdAt());
                Jdbc.setInstant(insert, 6, tenant.updatedAt());
                insert.executeUpdate();
            }
            insertHosts(connection, tenant);
            return null;
        });
    }

    @Override
    public void update(Tenant tenant) {
        jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tenant SET name = ?, status = ?, settings = ?, updated_at = ? "
                    + "WHERE id = ?")) {
                update.setString(1, tenant.name());
                update.setString(2, tenant.status().name());
                update.setString(3, TenantSettingsJson.write(tenant.settings()));
                Jdbc.setInstant(update, 4, tenant.updatedAt());
                update.setString(5, tenant.id().value());
                update.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tenant_host WHERE tenant_id = ?")) {
                delete.setString(1, tenant.id().value());
                delete.executeUpdate();
            }
            insertHosts(connection, tenant);
            return null;
        });
    }

    private static void insertHosts(Connection connection, Tenant tenant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant_host (host_name, tenant_id) VALUES (?, ?)")) {
            for (String host : tenant.settings().hostNames()) {
                insert.setString(1, host);
                insert.setString(2, tenant.id().value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void audit(TenantId tenant, String action, String operator, String detail, Instant at) {
        jdbc.call(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant_audit (tenant_id, action, operator, detail, at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, tenant.value());
                insert.setString(2, action);
                insert.setString(3, Jdbc.fit(operator, 200));
                insert.setString(4, Jdbc.fit(detail, 4000));
                Jdbc.setInstant(insert, 5, at);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<TenantAuditEntry> audit(TenantId tenant, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM tenant_audit WHERE tenant_id = ? ORDER BY id DESC "
                    + "FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, tenant.value());
                select.setInt(2, limit);
                List<TenantAuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new TenantAuditEntry(rows.getLong("id"), tenant, rows.getString("action"), rows.getString("operator"),
                                rows.getString("detail"), Jdbc.getInstant(rows, "at")));
                    }
                }
                return entries;
            }
        });
    }

    /** The tenants the statement selects, each with its host names. */
    private static List<Tenant> read(Connection connection, PreparedStatement select) throws SQLException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, Instant[]> times = new LinkedHashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String id = row.getString("id");
                rows.put(id, new String[] { row.getString("name"), row.getString("status"), row.getString("settings") });
                Instant created = Jdbc.getInstant(row, "created_at");
                Instant updated = Jdbc.getInstant(row, "updated_at");
                times.put(id, new Instant[] { created, updated == null ? created : updated });
            }
        }
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        try (PreparedStatement selectHosts = connection.prepareStatement("SELECT host_name, tenant_id FROM tenant_host ORDER BY host_name");
                ResultSet row = selectHosts.executeQuery()) {
            while (row.next()) {
                hosts.computeIfAbsent(row.getString("tenant_id"), t -> new ArrayList<>()).add(row.getString("host_name"));
            }
        }
        List<Tenant> tenants = new ArrayList<>();
        rows.forEach((id, values) -> tenants.add(new Tenant(new TenantId(id),
                TenantSettingsJson.read(values[0], hosts.getOrDefault(id, List.of()), values[2]), TenantStatus.valueOf(values[1]),
                times.get(id)[0], times.get(id)[1])));
        return tenants;
    }
}
