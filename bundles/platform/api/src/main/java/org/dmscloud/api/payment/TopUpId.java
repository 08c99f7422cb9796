package org.dmscloud.api.payment;

import java.util.Objects;
import java.util.UUID;

import org.dmscloud.api.account.Ids;

/** A top-up: random, so that ids cannot be guessed or enumerated. */
public record TopUpId(UUID value) {

    public TopUpId {
        Objects.requireNonNull(value, "value");
    }

    public static TopUpId random() {
        return new TopUpId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is an {@link IllegalArgumentException}. */
    public static TopUpId parse(String text) {
        return new TopUpId(Ids.parseUuid(text, "top-up id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
