package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.time.ClockControl;

@Service
@Command(scope = "dms", name = "clock", description = "Shows the platform time (UTC), and whether it can be adjusted")
public class ClockShowCommand implements Action {

    @Reference
    ClockControl clock;

    @Override
    public Object execute() {
        System.out.println(ClockText.describe(clock));
        return null;
    }
}
