package org.dmscloud.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.dmscloud.api.payment.TopUpAdministration;

/** Completes top-up ids with the newest top-ups'. */
@Service
public class TopUpIdCompleter implements Completer {

    @Reference
    TopUpAdministration topUps;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        topUps.list(Optional.empty(), Optional.empty(), 100).forEach(topUp -> ids.getStrings().add(topUp.id().toString()));
        return ids.complete(session, commandLine, candidates);
    }
}
