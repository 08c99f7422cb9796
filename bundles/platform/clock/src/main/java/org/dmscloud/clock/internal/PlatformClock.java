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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one clock of the platform, in UTC: the system clock plus an offset that only dev/test mode can
 * make non-zero. The offset is kept in configuration so that a restart in the middle of a simulated
 * billing day keeps the simulated time.
 */
@Component(service = { Clock.class, ClockControl.class }, configurationPid = PlatformClock.PID, immediate = true)
@Designate(ocd = ClockConfiguration.class)
public class PlatformClock extends Clock implements ClockControl {

    static final String PID = "org.dmscloud.clock";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClock.class);

    private final Clock system;
    private final OffsetStore offsetStore;
    private volatile boolean adjustable;
    private volatile Duration offset = Duration.ZERO;

    @Activate
    public PlatformClock(@Reference ConfigurationAdmin configurationAdmin, ClockConfiguration configuration) {
        this(Clock.systemUTC(), offset -> storeInConfiguration(configurationAdmin, offset), configuration);
    }

    PlatformClock(Clock system, OffsetStore offsetStore, ClockConfiguration configuration) {
        this.system = system;
        this.offsetStore = offsetStore;
        apply(configuration);
    }

    @Modified
    void apply(ClockConfiguration configuration) {
        adjustable = configuration.adjustable();
        offset = adjustable ? parseOffset(configuration.offset()) : Duration.ZERO;
        if (adjustable) {
            LOG.warn("The platform clock is adjustable (dev/test mode); it runs {} from the system clock", offset);
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
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

    @Override
    public Duration offset() {
        return offset;
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

    /** Keeps the offset in this component's own configuration (etc/org.dmscloud.clock.cfg when it exists). */
    private static void storeInConfiguration(ConfigurationAdmin configurationAdmin, Duration offset) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
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
            throw new IllegalArgumentException("offset '" + text + "' in " + PID + " is not an ISO-8601 duration such as PT36H", e);
        }
    }
}
