package org.dmscloud.api.account;

import java.util.Objects;
import java.util.UUID;

/** A customer account: random, so that ids cannot be guessed or enumerated. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is an {@link IllegalArgumentException}. */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parseUuid(text, "account id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
