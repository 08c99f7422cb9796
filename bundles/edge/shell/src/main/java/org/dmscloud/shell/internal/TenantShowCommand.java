package org.dmscloud.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.tenant.TenantAdministration;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;

@Service
@Command(scope = "dms", name = "tenant-show", description = "Shows a tenant's settings and the latest changes operators made to it")
public class TenantShowCommand implements Action {

    @Argument(index = 0, name = "tenant", required = true, description = "The tenant id")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--audit", description = "How many of the latest changes (default 10)")
    int audit = 10;

    @Reference
    TenantDirectory directory;

    @Reference
    TenantAdministration tenants;

    @Reference
    PaymentProviders providers;

    @Override
    public Object execute() {
        TenantId id = new TenantId(tenant.trim());
        TenantText.print(directory.find(id).orElseThrow(() -> new TenantNotFoundException(id)));
        System.out.println("Pay with:  " + providers.providers(id).stream()
                .map(provider -> provider.id() + (provider.available() ? "" : " (unavailable: " + provider.unavailableReason() + ")"))
                .reduce((a, b) -> a + ", " + b).orElse("nothing: no payment provider of its own, and the platform's are not allowed"));
        System.out.println("Changes:");
        TenantText.printAudit(tenants.audit(id, Math.max(1, audit)));
        return null;
    }
}
