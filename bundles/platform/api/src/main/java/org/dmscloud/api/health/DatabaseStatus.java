package org.dmscloud.api.health;

import java.util.Objects;

/**
 * What a database check found.
 *
 * @param product  the database product, e.g. {@code "PostgreSQL"} or {@code "H2"}; empty when unreachable
 * @param version  the product's version; empty when unreachable
 * @param reachable whether a connection could be opened and was valid
 * @param detail   why it is not reachable, for an operator; empty when it is
 */
public record DatabaseStatus(String product, String version, boolean reachable, String detail) {

    public DatabaseStatus {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(detail, "detail");
    }

    public static DatabaseStatus up(String product, String version) {
        return new DatabaseStatus(product, version, true, "");
    }

    public static DatabaseStatus down(String detail) {
        return new DatabaseStatus("", "", false, detail);
    }
}
