package org.dmscloud.shell.internal;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;

@Service
@Command(scope = "dms", name = "payment-providers", description = "Lists the installed payment providers, whether each can take top-ups, and why not")
public class PaymentProvidersCommand implements Action {

    @Option(name = "--tenant", description = "Only the providers this tenant's customers can pay through")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Reference
    PaymentProviders providers;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Tenant");
        table.column("Name");
        table.column("Available");
        table.column("Billing details");
        table.column("Bundle");
        table.column("Why not");
        Optional<TenantId> only = Optional.ofNullable(tenant).map(t -> new TenantId(t.trim()));
        for (PaymentProviderInfo provider : only.map(providers::providers).orElseGet(providers::all)) {
            table.addRow().addContent(provider.id(), provider.tenant().map(TenantId::value).orElse("(platform)"), provider.displayName(), provider.available() ? "yes" : "no",
                    provider.needsBillingDetails() ? "needed" : "-", provider.providedBy(), provider.unavailableReason());
        }
        table.print(System.out);
        return null;
    }
}
