package org.dmscloud.api.instance;

import java.util.Objects;
import java.util.UUID;

import org.dmscloud.api.account.Ids;

/** An instance: random, so that ids cannot be guessed or enumerated. */
public record InstanceId(UUID value) {

    public InstanceId {
        Objects.requireNonNull(value, "value");
    }

    public static InstanceId random() {
        return new InstanceId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is an {@link IllegalArgumentException}. */
    public static InstanceId parse(String text) {
        return new InstanceId(Ids.parseUuid(text, "instance id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
