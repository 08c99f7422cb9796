package org.dmscloud.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The order events are heard in, and where each listener has got to. Ids are handed out when an event is
 * written, so a transaction still running can commit an id lower than one already read; positions are
 * handed out only to committed events, by one sequencer at a time (it holds the sequencer row's lock), each
 * after the last: a listener reading past position p can never later find an event below p.
 */
final class EventStream {

    private EventStream() {
    }

    /**
     * Gives positions to committed events that have none, oldest id first, at most {@code limit}, and answers
     * how many and the last position given. Takes the sequencer's row lock (held until the transaction ends)
     * only when there is something to order, so that an idle platform polls without writing.
     */
    static Sequenced sequence(Connection connection, int limit) throws SQLException {
        if (unordered(connection, 1).isEmpty()) {
            return new Sequenced(0, head(connection));
        }
        long last;
        try (PreparedStatement lock = connection.prepareStatement("SELECT last_position FROM instance_event_sequencer WHERE id = 1 FOR UPDATE");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the instance event sequencer row is missing");
            }
            last = row.getLong(1);
        }
        // Read after the lock: every event committed before it is seen here, or by the sequencer after this one.
        List<Long> ids = unordered(connection, limit);
        if (ids.isEmpty()) {
            return new Sequenced(0, last);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance_event SET position = ? WHERE id = ?")) {
            for (long id : ids) {
                update.setLong(1, ++last);
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement advance = connection.prepareStatement("UPDATE instance_event_sequencer SET last_position = ? WHERE id = 1")) {
            advance.setLong(1, last);
            advance.executeUpdate();
        }
        return new Sequenced(ids.size(), last);
    }

    /** Committed events without a position, oldest id first. */
    private static List<Long> unordered(Connection connection, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM instance_event WHERE position IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** What one round of ordering did: events given a position, and the last position given so far. */
    record Sequenced(int count, long head) {
    }

    /** The last position given: every event up to it is committed and visible. */
    static long head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_position FROM instance_event_sequencer WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The listener's position, locked until the transaction ends (so that one node at a time delivers to it); empty for a new listener. */
    static OptionalLong lockCursor(Connection connection, String listener) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT position FROM instance_event_cursor WHERE listener = ? FOR UPDATE")) {
            select.setString(1, listener);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Starts a new listener at a position. Fails with a duplicate key if another node started it first. */
    static void startCursor(Connection connection, String listener, long position, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO instance_event_cursor (listener, position, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, listener);
            insert.setLong(2, position);
            insert.setObject(3, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    static void moveCursor(Connection connection, String listener, long position, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE instance_event_cursor SET position = ?, updated_at = ? WHERE listener = ?")) {
            update.setLong(1, position);
            update.setObject(2, now.atOffset(ZoneOffset.UTC));
            update.setString(3, listener);
            update.executeUpdate();
        }
    }

    /** Deletes the events that happened before the instant and have a position; answers how many. */
    static int prune(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM instance_event WHERE occurred_at < ? AND position IS NOT NULL")) {
            delete.setObject(1, before.atOffset(ZoneOffset.UTC));
            return delete.executeUpdate();
        }
    }
}
