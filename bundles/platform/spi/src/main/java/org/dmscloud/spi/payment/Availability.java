package org.dmscloud.spi.payment;

import java.util.Objects;

/**
 * Whether a payment provider can take top-ups now.
 *
 * @param reason why not, for an operator; empty when available
 */
public record Availability(boolean available, String reason) {

    public static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
