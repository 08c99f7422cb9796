package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;

@Service
@Command(scope = "dms", name = "payment-providers", description = "Lists the installed payment providers, whether each can take top-ups, and why not")
public class PaymentProvidersCommand implements Action {

    @Reference
    PaymentProviders providers;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Available");
        table.column("Billing details");
        table.column("Bundle");
        table.column("Why not");
        for (PaymentProviderInfo provider : providers.providers()) {
            table.addRow().addContent(provider.id(), provider.displayName(), provider.available() ? "yes" : "no",
                    provider.needsBillingDetails() ? "needed" : "-", provider.providedBy(), provider.unavailableReason());
        }
        table.print(System.out);
        return null;
    }
}
