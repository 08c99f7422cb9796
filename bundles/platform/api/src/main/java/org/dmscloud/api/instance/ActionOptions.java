package org.dmscloud.api.instance;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a client may attach to a billable action.
 *
 * @param idempotencyKey a key of the client's choosing: the same action retried with the same key
 *                       changes nothing and answers what the first one did
 * @param quoteId        the quote the client agreed to: the action is refused if it would now charge or
 *                       credit a different amount (rule R11)
 */
public record ActionOptions(Optional<String> idempotencyKey, Optional<UUID> quoteId) {

    public static final ActionOptions NONE = new ActionOptions(Optional.empty(), Optional.empty());

    private static final int MAX_KEY_LENGTH = 200;

    public ActionOptions {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(quoteId, "quoteId");
        idempotencyKey.ifPresent(key -> {
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_KEY_LENGTH + " characters");
            }
        });
    }

    public static ActionOptions withKey(String idempotencyKey) {
        return new ActionOptions(Optional.of(idempotencyKey), Optional.empty());
    }

    public ActionOptions withQuote(UUID quote) {
        return new ActionOptions(idempotencyKey, Optional.of(quote));
    }
}
