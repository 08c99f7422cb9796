package org.dmscloud.shell.internal;

import java.util.Optional;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountQuery;

/** Completes account ids with the newest accounts'. */
@Service
public class AccountIdCompleter extends RecentIdsCompleter {

    @Reference
    AccountAdministration accounts;

    @Override
    Stream<String> recentIds() {
        return accounts.search(new AccountQuery(Optional.empty(), Optional.empty(), Optional.empty(), RECENT)).stream()
                .map(summary -> summary.account().id().toString());
    }
}
