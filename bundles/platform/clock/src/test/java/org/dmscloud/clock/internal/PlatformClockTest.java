package org.dmscloud.clock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.dmscloud.api.time.ClockNotAdjustableException;
import org.junit.jupiter.api.Test;

class PlatformClockTest {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-11-26T10:15:30Z");

    private final MutableClock system = new MutableClock(SYSTEM_NOW);
    private final List<Duration> stored = new ArrayList<>();

    @Test
    void inProductionItIsTheSystemClockInUtc() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(false, "PT0S"));
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        system.advance(Duration.ofSeconds(5));
        assertThat(clock.now()).isEqualTo(SYSTEM_NOW.plusSeconds(5));
    }

    @Test
    void inProductionItRefusesToMove() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(false, "PT0S"));
        assertThatThrownBy(() -> clock.setTo(Instant.EPOCH)).isInstanceOf(ClockNotAdjustableException.class)
                .hasMessageContaining("adjustable=true in etc/org.dmscloud.clock.cfg");
        assertThatThrownBy(() -> clock.shiftBy(Duration.ofDays(1))).isInstanceOf(ClockNotAdjustableException.class);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThat(stored).isEmpty();
    }

    @Test
    void inProductionAStoredOffsetIsIgnored() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(false, "P3D"));
        assertThat(clock.offset()).isZero();
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void inTestModeItCanBeSetAndKeepsTicking() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(true, "PT0S"));
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        clock.setTo(monday);
        assertThat(clock.instant()).isEqualTo(monday);
        system.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(monday.plus(Duration.ofMinutes(5)));
        assertThat(stored).containsExactly(Duration.between(SYSTEM_NOW, monday));
    }

    @Test
    void inTestModeShiftsAddUp() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(true, "PT0S"));
        clock.shiftBy(Duration.ofHours(16));
        clock.shiftBy(Duration.ofHours(-1));
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofHours(15)));
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(15));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThat(stored).containsExactly(Duration.ofHours(16), Duration.ofHours(15), Duration.ZERO);
    }

    @Test
    void aStoredOffsetSurvivesARestart() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(true, "P2DT3H"));
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.parse("P2DT3H")));
    }

    @Test
    void aConfigurationEventEchoingAnOlderOffsetDoesNotMoveTheClockBack() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(true, "PT0S"));
        clock.shiftBy(Duration.ofDays(1));
        clock.shiftBy(Duration.ofDays(1));
        clock.apply(configuration(true, "P1D"));
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void leavingTestModeIgnoresTheOffsetAndRefusesToMove() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(true, "PT0S"));
        clock.shiftBy(Duration.ofDays(1));
        clock.apply(configuration(false, "P1D"));
        assertThat(clock.offset()).isZero();
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThatThrownBy(() -> clock.shiftBy(Duration.ofDays(1))).isInstanceOf(ClockNotAdjustableException.class);
    }

    @Test
    void aBadOffsetIsExplained() {
        assertThatThrownBy(() -> new PlatformClock(system, stored::add, configuration(true, "tomorrow")))
                .hasMessageContaining("offset 'tomorrow' in org.dmscloud.clock.offset is not an ISO-8601 duration");
    }

    @Test
    void itStaysInUtc() {
        PlatformClock clock = new PlatformClock(system, stored::add, configuration(false, "PT0S"));
        assertThat(clock.withZone(ZoneId.of("Z"))).isSameAs(clock);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Berlin"))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ClockConfiguration configuration(boolean adjustable, String offset) {
        return new ClockConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClockConfiguration.class;
            }

            @Override
            public boolean adjustable() {
                return adjustable;
            }

            @Override
            public String offset() {
                return offset;
            }
        };
    }

    /** A system clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
