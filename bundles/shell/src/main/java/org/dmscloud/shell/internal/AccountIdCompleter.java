package org.dmscloud.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.dmscloud.api.account.AccountAdministration;
import org.dmscloud.api.account.AccountQuery;

/** Completes account ids with the newest accounts'. */
@Service
public class AccountIdCompleter implements Completer {

    @Reference
    AccountAdministration accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        accounts.search(new AccountQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100))
                .forEach(summary -> ids.getStrings().add(summary.account().id().toString()));
        return ids.complete(session, commandLine, candidates);
    }
}
