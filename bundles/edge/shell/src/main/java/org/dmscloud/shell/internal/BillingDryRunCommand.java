package org.dmscloud.shell.internal;

import java.time.Clock;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.billing.DailyRunService;
import org.dmscloud.api.billing.RunPreview;

@Service
@Command(scope = "dms", name = "billing-dry-run", description = "What the daily run for a day would charge and whom it would disable if it ran now; changes nothing")
public class BillingDryRunCommand implements Action {

    @Option(name = "--day", description = "The day, e.g. 2026-11-26 (default: today by the platform clock)")
    String day;

    @Option(name = "--limit", description = "How many instances to list (default 50); the counts and totals cover all")
    int limit = 50;

    @Reference
    DailyRunService dailyRun;

    @Reference
    Clock clock;

    @Override
    public Object execute() {
        RunPreview preview = dailyRun.preview(BillingText.day(day, clock), Math.max(0, limit));
        System.out.println("Daily run for " + preview.day() + " would charge " + preview.charges() + " instance(s), "
                + BillingText.totals(preview.totalCharged()) + " in all; disable " + preview.disables() + " for a short balance; fail "
                + preview.failures() + ".");
        ShellTable table = new ShellTable();
        table.column("Outcome");
        table.column("Account");
        table.column("Instance");
        table.column("Daily rate").alignRight();
        table.column("Balance before").alignRight();
        table.column("Detail");
        for (RunPreview.Item item : preview.items()) {
            table.addRow().addContent(item.outcome(), item.account(), item.instance(), item.rate(), item.balance(), item.detail());
        }
        table.print(System.out);
        return null;
    }
}
