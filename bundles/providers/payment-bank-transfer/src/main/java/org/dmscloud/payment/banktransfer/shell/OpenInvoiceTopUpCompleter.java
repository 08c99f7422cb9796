package org.dmscloud.payment.banktransfer.shell;

import java.util.List;
import java.util.Optional;

import org.dmscloud.payment.banktransfer.internal.BankTransferInvoices;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpStatus;

/** Completes the ids of the open bank-transfer top-ups, the ones an invoice may be issued for. */
@Service
public class OpenInvoiceTopUpCompleter implements Completer {

    @Reference
    TopUpAdministration topUps;

    @Reference
    BankTransferInvoices invoices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (TopUpStatus open : List.of(TopUpStatus.PENDING, TopUpStatus.PARTIALLY_PAID)) {
            topUps.list(Optional.of(open), Optional.empty(), Optional.empty(), 200).stream()
                    .filter(topUp -> invoices.account(topUp.providerId()).isPresent())
                    .map(TopUp::id).forEach(id -> ids.getStrings().add(id.toString()));
        }
        return ids.complete(session, commandLine, candidates);
    }
}
