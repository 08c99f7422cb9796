package org.dmscloud.acs.internal.auth;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * Each instance's CWMP endpoint credentials: a user name and a password the customer gives its CPE devices. The
 * password is generated, shown once (when made or rotated) and stored only as its Digest HA1; the platform's key of
 * nonces and session tickets is kept beside them, made once and shared by every node.
 */
public final class Endpoints {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_ID = 1;

    private final Jdbc jdbc;

    private Endpoints(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static Endpoints in(Transaction transaction) {
        return new Endpoints(Jdbc.of(transaction));
    }

    /** An endpoint as stored: what Digest needs. */
    public record Endpoint(String instanceId, String username, String realm, String ha1) {
    }

    /** Credentials as the customer gets them, once. */
    public record Credentials(String username, String password, String realm) {
    }

    /** Makes the instance's endpoint, if it has none yet; answers its credentials then, nothing if it had some. */
    public Optional<Credentials> create(String instanceId, Instant now) {
        String username = "cpe-" + instanceId.replace("-", "").substring(0, 12);
        String realm = realm(instanceId);
        String password = password();
        boolean made = jdbc.call(connection -> Jdbc.unlessDuplicate(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_endpoint (instance_id, username, realm, ha1, created_at, "
                    + "rotated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, instanceId);
                insert.setString(2, username);
                insert.setString(3, realm);
                insert.setString(4, DigestAuthentication.ha1(username, realm, password));
                Jdbc.setInstant(insert, 5, now);
                Jdbc.setInstant(insert, 6, now);
                insert.executeUpdate();
            }
        }));
        return made ? Optional.of(new Credentials(username, password, realm)) : Optional.empty();
    }

    /**
     * New credentials for the instance's devices: its endpoint's first, or a new password that replaces the old at once;
     * nothing when the current ones were made by this same request (a browser's reload, a client's retry), whose
     * password was shown then and is not kept.
     */
    public Optional<Credentials> issue(String instanceId, String requestKey, Instant now) {
        boolean sameRequest = jdbc.call(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT credentials_key FROM acs_endpoint WHERE instance_id = ? FOR UPDATE")) {
                lock.setString(1, instanceId);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() && requestKey.equals(row.getString(1));
                }
            }
        });
        if (sameRequest) {
            return Optional.empty();
        }
        Credentials credentials = create(instanceId, now).or(() -> rotate(instanceId, now))
                .orElseThrow(() -> new IllegalStateException("the endpoint of " + instanceId + " was neither made nor found"));
        jdbc.call(connection -> {
            try (PreparedStatement key = connection.prepareStatement("UPDATE acs_endpoint SET credentials_key = ? WHERE instance_id = ?")) {
                key.setString(1, requestKey);
                key.setString(2, instanceId);
                return key.executeUpdate();
            }
        });
        return Optional.of(credentials);
    }

    /** A new password for the instance's devices; the old one stops working at once. */
    public Optional<Credentials> rotate(String instanceId, Instant now) {
        return find(instanceId).map(endpoint -> {
            String password = password();
            jdbc.call(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE acs_endpoint SET ha1 = ?, rotated_at = ? WHERE instance_id = ?")) {
                    update.setString(1, DigestAuthentication.ha1(endpoint.username(), endpoint.realm(), password));
                    Jdbc.setInstant(update, 2, now);
                    update.setString(3, instanceId);
                    return update.executeUpdate();
                }
            });
            return new Credentials(endpoint.username(), password, endpoint.realm());
        });
    }

    public Optional<Endpoint> find(String instanceId) {
        return jdbc.call(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT username, realm, ha1 FROM acs_endpoint WHERE instance_id = ?")) {
                select.setString(1, instanceId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Endpoint(instanceId, row.getString("username"), row.getString("realm"), row.getString("ha1")))
                            : Optional.empty();
                }
            }
        });
    }

    /** Marks the instance's endpoint to be forgotten, with its devices and their tasks, from this time on (kept if already marked). */
    public int forgetAfter(String instanceId, Instant when) {
        return jdbc.call(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE acs_endpoint SET forget_after = ? WHERE instance_id = ? "
                    + "AND forget_after IS NULL")) {
                Jdbc.setInstant(update, 1, when);
                update.setString(2, instanceId);
                return update.executeUpdate();
            }
        });
    }

    /** Forgets every endpoint due, with its devices (their tasks go with them) and refused devices; answers how many. */
    public int forgetDue(Instant now) {
        return jdbc.call(connection -> {
            String due = "SELECT instance_id FROM acs_endpoint WHERE forget_after <= ?";
            for (String sql : new String[] { "DELETE FROM acs_device WHERE instance_id IN (" + due + ")",
                    "DELETE FROM acs_refused_device WHERE instance_id IN (" + due + ")" }) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    Jdbc.setInstant(delete, 1, now);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM acs_endpoint WHERE forget_after <= ?")) {
                Jdbc.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    /** The platform's key of nonces and session tickets: the stored one, or a new one stored by whichever node is first. */
    public byte[] key(Instant now) {
        return jdbc.call(connection -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Jdbc.unlessDuplicate(connection, () -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acs_key (id, key_base64, created_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, KEY_ID);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    Jdbc.setInstant(insert, 3, now);
                    insert.executeUpdate();
                }
            });
            try (PreparedStatement select = connection.prepareStatement("SELECT key_base64 FROM acs_key WHERE id = ?")) {
                select.setInt(1, KEY_ID);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return Base64.getDecoder().decode(row.getString(1));
                }
            }
        });
    }

    public static String realm(String instanceId) {
        return "DMS Cloud ACS " + instanceId;
    }

    /** 20 characters from 120 random bits: typed into a router's web page, so letters and digits only. */
    private static String password() {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('-', 'x').replace('_', 'y');
    }
}
