package org.dmscloud.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.dmscloud.persistence.CheckConstraintException;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** What callers can act on: a database that is away is "try again shortly", never an unexpected failure. */
class StoreExceptionsTest {

    @Test
    void aDatabaseThatCannotBeReachedOrIsGoingAwayIsUnavailable() {
        assertThat(StoreExceptions.translate(new SQLException("Connection refused", "08001"))).isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreExceptions.translate(new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreExceptions.translate(new SQLException("FATAL: terminating connection due to administrator command", "57P01")))
                .as("PostgreSQL restarted").isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreExceptions.translate(new SQLException("FATAL: the database system is starting up", "57P03")))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void constraintsAreTheirOwnExceptionsAndOtherErrorsStayWhatTheyAre() {
        assertThat(StoreExceptions.translate(new SQLException("duplicate key", "23505"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(StoreExceptions.translate(new SQLException("check", "23514"))).isInstanceOf(CheckConstraintException.class);
        assertThat(StoreExceptions.translate(new SQLException("syntax error", "42601"))).isNotInstanceOf(StoreUnavailableException.class);
    }
}
