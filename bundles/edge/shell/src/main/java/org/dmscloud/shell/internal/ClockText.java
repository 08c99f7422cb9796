package org.dmscloud.shell.internal;

import org.dmscloud.api.time.ClockControl;

/** How the clock commands print the clock. */
final class ClockText {

    private ClockText() {
    }

    static String describe(ClockControl clock) {
        String mode = clock.isAdjustable() ? "adjustable (dev/test mode), offset " + clock.offset() : "system clock";
        return "Platform time: " + clock.now() + " — " + mode;
    }
}
