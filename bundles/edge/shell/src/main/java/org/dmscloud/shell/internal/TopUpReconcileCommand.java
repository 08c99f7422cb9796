package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpAdministration.ReconciliationReport;
import org.dmscloud.api.payment.TopUpId;

@Service
@Command(scope = "dms", name = "topup-reconcile", description = "Asks the payment provider where a top-up stands (or, without an id, every open one) "
        + "and credits what arrived, never twice")
public class TopUpReconcileCommand implements Action {

    @Argument(index = 0, name = "top-up", description = "The top-up id; without it, the open top-ups least recently checked")
    @Completion(TopUpIdCompleter.class)
    String topUp;

    @Option(name = "--limit", description = "Without an id: how many open top-ups at most (default 100)")
    int limit = 100;

    @Reference
    TopUpAdministration topUps;

    @Override
    public Object execute() {
        if (topUp != null) {
            TopUpText.print(topUps.reconcile(TopUpId.parse(topUp.trim())));
            return null;
        }
        ReconciliationReport report = topUps.reconcileOpen(limit);
        System.out.println("Checked " + report.checked() + " open top-up(s): " + report.paid() + " paid, " + report.failed() + " failed, "
                + report.skipped() + " skipped (provider not installed or unavailable), " + report.errors() + " not reachable (see the log).");
        return null;
    }
}
