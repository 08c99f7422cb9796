package org.dmscloud.api.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An exception that is not a bug: a request the client can correct (4xx) or a dependency that failed us for now
 * (5xx, with a time to retry). It says how the portal API answers it, as a problem (RFC 9457): a stable type
 * clients act on, a status, a sentence for the person and any members the type documents. An exception that does
 * not implement this is an incident: a 500 with an incident id, its details logged and never shown.
 */
public interface ApiProblem {

    /** Member {@code errors}: a {@code Map<String, String>} of each field of the request to what is wrong with it. */
    String FIELD_ERRORS = "errors";
    /** Members {@code needed} and {@code balance}: amounts of {@link org.dmscloud.api.money.Money}. */
    String NEEDED = "needed";
    String BALANCE = "balance";
    /** Member {@code item}: the id of the catalog item (package or option) the problem is about. */
    String ITEM = "item";

    /** The kind of problem, the last segment of its type URI, e.g. {@code not-found}; stable, for clients to act on. */
    String problemType();

    /** The HTTP status of the answer. */
    int problemStatus();

    /** The sentence for the person reading the answer; by default the exception's message, which must say nothing internal. */
    default String problemDetail() {
        return getMessage();
    }

    /** The problem's members beyond type, title, status and detail, by name; values are text, Money or, for errors, a map. */
    default Map<String, Object> problemMembers() {
        return Map.of();
    }

    /** How long the client should wait before it tries again (the Retry-After header), if the problem passes. */
    default Optional<Duration> problemRetryAfter() {
        return Optional.empty();
    }

    /** The exception's message, as every {@link Throwable} has it. */
    String getMessage();
}
