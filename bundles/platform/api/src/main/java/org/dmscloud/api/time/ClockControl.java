package org.dmscloud.api.time;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Steers the platform clock, the {@link java.time.Clock} service that billing and everything else
 * time-dependent reads. In production the clock is the system's UTC clock and cannot be moved; in
 * dev/test mode ({@code adjustable=true} in {@code etc/org.dmscloud.clock.cfg}) an operator can set or
 * shift it, so that whole billing days can be run end to end. The clock keeps ticking after a change:
 * an adjustment is an offset from the system clock, and it survives a restart.
 */
@ProviderType
public interface ClockControl {

    /** The platform's current instant, adjustment included. */
    Instant now();

    /** Whether this clock may be adjusted (dev/test mode). */
    boolean isAdjustable();

    /** How far the platform clock is from the system clock; zero unless adjusted. */
    Duration offset();

    /**
     * Moves the clock so that {@link #now()} is {@code instant} and keeps it ticking from there.
     *
     * @throws ClockNotAdjustableException outside dev/test mode
     */
    void setTo(Instant instant);

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @throws ClockNotAdjustableException outside dev/test mode
     */
    void shiftBy(Duration duration);

    /** Puts the clock back on the system time. Allowed in every mode. */
    void reset();
}
