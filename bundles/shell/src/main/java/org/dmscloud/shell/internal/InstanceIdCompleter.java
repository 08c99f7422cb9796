package org.dmscloud.shell.internal;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceQuery;

/** Completes instance ids with the newest instances'. */
@Service
public class InstanceIdCompleter implements Completer {

    @Reference
    InstanceAdministration instances;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        instances.search(new InstanceQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100))
                .forEach(instance -> ids.getStrings().add(instance.id().toString()));
        return ids.complete(session, commandLine, candidates);
    }
}
