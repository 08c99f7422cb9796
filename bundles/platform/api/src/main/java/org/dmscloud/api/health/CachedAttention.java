package org.dmscloud.api.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an {@link OperatorAttention} says, worked out at most once a while: health is asked every second, by every load
 * balancer, and what needs an operator is read from a database or asked of plugins. A service delegates its
 * {@code attention()} to one of these.
 */
public final class CachedAttention {

    private final Clock clock;
    private final Duration fresh;
    private final Supplier<List<String>> sentences;
    private volatile Instant at = Instant.MIN;
    private volatile List<String> said = List.of();

    /** @param sentences what needs an operator now, worked out afresh */
    public CachedAttention(Clock clock, Duration fresh, Supplier<List<String>> sentences) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.sentences = Objects.requireNonNull(sentences, "sentences");
    }

    /** The sentences worked out last, or afresh when they are older than {@code fresh} (or the clock went back). */
    public List<String> attention() {
        Instant now = clock.instant();
        Instant last = at;
        if (!last.isAfter(now) && last.plus(fresh).isAfter(now)) {
            return said;
        }
        List<String> fresher = List.copyOf(sentences.get());
        said = fresher;
        at = now;
        return fresher;
    }
}
