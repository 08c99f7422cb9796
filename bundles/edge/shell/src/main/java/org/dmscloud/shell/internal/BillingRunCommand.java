package org.dmscloud.shell.internal;

import java.time.Clock;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.DailyRunService;

@Service
@Command(scope = "dms", name = "billing-run", description = "Runs the daily run now for a day (default today, UTC): charges what is due, never twice")
public class BillingRunCommand implements Action {

    @Option(name = "--day", description = "The day, e.g. 2026-11-26 (default: today by the platform clock)")
    String day;

    @Reference
    DailyRunService dailyRun;

    @Reference
    Clock clock;

    @Override
    public Object execute() {
        BillingRun run = dailyRun.run(BillingText.day(day, clock));
        BillingText.runs(List.of(run)).print(System.out);
        return null;
    }
}
