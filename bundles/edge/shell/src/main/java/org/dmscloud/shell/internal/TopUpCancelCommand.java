package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpId;

@Service
@Command(scope = "dms", name = "topup-cancel", description = "Cancels an open top-up at its provider (a Stripe session is expired, an invoice void); "
        + "money that still arrives is credited")
public class TopUpCancelCommand implements Action {

    @Argument(index = 0, name = "top-up", required = true, description = "The top-up id")
    @Completion(TopUpIdCompleter.class)
    String topUp;

    @Reference
    TopUpAdministration topUps;

    @Reference
    Session session;

    @Override
    public Object execute() {
        TopUpText.print(topUps.cancel(TopUpId.parse(topUp.trim()), OperatorName.of(session)));
        return null;
    }
}
