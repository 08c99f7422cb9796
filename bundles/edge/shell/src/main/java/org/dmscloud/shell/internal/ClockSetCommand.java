package org.dmscloud.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.time.ClockControl;

@Service
@Command(scope = "dms", name = "clock-set", description = "Sets the platform time (dev/test mode only); it keeps ticking from there")
public class ClockSetCommand implements Action {

    @Argument(index = 0, name = "instant", required = true, description = "UTC instant in ISO-8601, e.g. 2026-11-30T00:05:00Z")
    String instant;

    @Reference
    ClockControl clock;

    @Override
    public Object execute() {
        Instant target;
        try {
            target = Instant.parse(instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + instant + "' is not a UTC instant such as 2026-11-30T00:05:00Z");
        }
        clock.setTo(target);
        System.out.println(ClockText.describe(clock));
        return null;
    }
}
