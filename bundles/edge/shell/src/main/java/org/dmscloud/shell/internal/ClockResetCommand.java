package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.time.ClockControl;

@Service
@Command(scope = "dms", name = "clock-reset", description = "Puts the platform time back on the system clock")
public class ClockResetCommand implements Action {

    @Reference
    ClockControl clock;

    @Override
    public Object execute() {
        clock.reset();
        System.out.println(ClockText.describe(clock));
        return null;
    }
}
