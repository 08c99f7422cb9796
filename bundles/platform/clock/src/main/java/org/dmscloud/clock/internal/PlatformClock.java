package org.dmscloud.clock.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.dmscloud.api.time.ClockControl;
import org.dmscloud.api.time.ClockNotAdjustableException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one clock of the platform, in UTC: the system clock plus an offset that only dev/test mode can
 * make non-zero.
 * <p>
 * Whether the clock is adjustable is the operator's, in {@code etc/org.dmscloud.clock.cfg}. The offset
 * is the commands', kept in a configuration of its own ({@value #OFFSET_PID}, in the configuration
 * admin's store under {@code data/}) so that a restart in the middle of a simulated billing day keeps
 * the simulated time. It is never written into the operator's file: File Install rewrites a file in
 * place and could read it back half written, a configuration without {@code adjustable = true}.
 * While running, the offset this component set is the truth; a configuration event echoing an older
 * one must not move the clock back. (Two PIDs, so no metatype designation: it names exactly one.)
 */
@Component(service = { Clock.class, ClockControl.class }, configurationPid = { PlatformClock.PID, PlatformClock.OFFSET_PID },
        immediate = true)
public class PlatformClock extends Clock implements ClockControl {

    static final String PID = "org.dmscloud.clock";
    static final String OFFSET_PID = "org.dmscloud.clock.offset";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClock.class);

    private final Clock system;
    private final OffsetStore offsetStore;
    private volatile boolean adjustable;
    private volatile Duration offset;

    @Activate
    public PlatformClock(@Reference ConfigurationAdmin configurationAdmin, ClockConfiguration configuration) {
        this(Clock.systemUTC(), offset -> storeInConfiguration(configurationAdmin, offset), configuration);
    }

    PlatformClock(Clock system, OffsetStore offsetStore, ClockConfiguration configuration) {
        this.system = system;
        this.offsetStore = offsetStore;
        this.offset = parseOffset(configuration.offset());
        apply(configuration);
    }

    @Modified
    void apply(ClockConfiguration configuration) {
        adjustable = configuration.adjustable();
        if (adjustable) {
            LOG.warn("The platform clock is adjustable (dev/test mode); it runs {} from the system clock", offset);
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Billing is defined in UTC; a clock in another zone would be a different clock, so there is none. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.normalized().equals(zone.normalized())) {
            throw new UnsupportedOperationException("the platform clock is UTC only");
        }
        return this;
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public boolean isAdjustable() {
        return adjustable;
    }

    /** The offset in effect: a kept offset is ignored outside dev/test mode. */
    @Override
    public Duration offset() {
        return adjustable ? offset : Duration.ZERO;
    }

    @Override
    public synchronized void setTo(Instant instant) {
        requireAdjustable();
        changeOffset(Duration.between(system.instant(), instant));
    }

    @Override
    public synchronized void shiftBy(Duration duration) {
        requireAdjustable();
        changeOffset(offset.plus(duration));
    }

    @Override
    public synchronized void reset() {
        changeOffset(Duration.ZERO);
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new ClockNotAdjustableException();
        }
    }

    /** Applies the offset at once, then stores it so that it survives a restart. */
    private void changeOffset(Duration newOffset) {
        offset = newOffset;
        LOG.info("Platform clock offset set to {}; the platform time is now {}", newOffset, instant());
        offsetStore.store(newOffset);
    }

    /** Keeps the offset in its own configuration, never in the operator's file. */
    private static void storeInConfiguration(ConfigurationAdmin configurationAdmin, Duration offset) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(OFFSET_PID, "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("offset", offset.toString());
            configuration.updateIfDifferent(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the clock offset", e);
        }
    }

    /** Where an adjusted offset is kept. */
    @FunctionalInterface
    interface OffsetStore {
        void store(Duration offset);
    }

    private static Duration parseOffset(String text) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("offset '" + text + "' in " + OFFSET_PID + " is not an ISO-8601 duration such as PT36H", e);
        }
    }
}
