package org.dmscloud.api.time;

/** An adjustment was asked of a clock that is not in dev/test mode. */
public final class ClockNotAdjustableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ClockNotAdjustableException() {
        super("The platform clock is the system clock and cannot be adjusted. Dev/test mode only: set "
                + "adjustable=true in etc/org.dmscloud.clock.cfg.");
    }
}
