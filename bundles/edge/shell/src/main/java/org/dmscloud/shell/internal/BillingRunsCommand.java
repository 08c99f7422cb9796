package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.billing.DailyRunService;

@Service
@Command(scope = "dms", name = "billing-runs", description = "The history of daily runs, newest first, with their counts and totals")
public class BillingRunsCommand implements Action {

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    DailyRunService dailyRun;

    @Override
    public Object execute() {
        BillingText.runs(dailyRun.history(Math.max(1, limit))).print(System.out);
        return null;
    }
}
