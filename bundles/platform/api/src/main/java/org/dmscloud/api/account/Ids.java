package org.dmscloud.api.account;

import java.util.Locale;
import java.util.UUID;

/** Strict parsing of the UUID ids that clients send. */
public final class Ids {

    private Ids() {
    }

    /** {@link UUID#fromString} accepts forms like "1-2-3-4-5"; ids are only ever the canonical 36 characters. */
    public static UUID parseUuid(String text, String what) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what, e);
        }
    }
}
