package org.dmscloud.shell.internal;

import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceQuery;
import org.dmscloud.api.instance.InstanceState;

@Service
@Command(scope = "dms", name = "instance-list", description = "Lists every account's instances, newest first, by state, tenant, account or package")
public class InstanceListCommand implements Action {

    @Option(name = "--state", description = "Only ENABLED, DISABLED or DELETED instances (default: all but deleted)")
    String state;

    @Option(name = "--tenant", description = "Only the instances of this tenant's customers")
    @Completion(TenantIdCompleter.class)
    String tenant;

    @Option(name = "--account", description = "Only this account's instances")
    @Completion(AccountIdCompleter.class)
    String account;

    @Option(name = "--package", description = "Only instances of this package")
    String packageId;

    @Option(name = "--limit", description = "How many (default 20)")
    int limit = 20;

    @Reference
    InstanceAdministration instances;

    @Override
    public Object execute() {
        InstanceQuery query = new InstanceQuery(Optional.ofNullable(state).map(name -> Choices.of(InstanceState.class, name, "instance state")),
                Optional.ofNullable(tenant).map(t -> new TenantId(t.trim())),
                Optional.ofNullable(account).map(a -> AccountId.parse(a.trim())), Optional.ofNullable(packageId).map(String::trim),
                Math.max(1, limit));
        InstanceText.table(instances.search(query)).print(System.out);
        return null;
    }
}
