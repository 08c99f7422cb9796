package org.dmscloud.shell.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.time.ClockControl;

@Service
@Command(scope = "dms", name = "clock-shift", description = "Moves the platform time forward or back (dev/test mode only)")
public class ClockShiftCommand implements Action {

    @Argument(index = 0, name = "duration", required = true, description = "ISO-8601 duration, e.g. PT16H, P1D or -PT30M")
    String duration;

    @Reference
    ClockControl clock;

    @Override
    public Object execute() {
        Duration shift;
        try {
            shift = Duration.parse(duration);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + duration + "' is not an ISO-8601 duration such as PT16H or P1D");
        }
        clock.shiftBy(shift);
        System.out.println(ClockText.describe(clock));
        return null;
    }
}
