package org.dmscloud.shell.internal;

import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes an id with those of the newest records of a kind (accounts, instances, top-ups). */
abstract class RecentIdsCompleter implements Completer {

    static final int RECENT = 100;

    /** The ids to offer, newest first. */
    abstract Stream<String> recentIds();

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(recentIds().toList()).complete(session, commandLine, candidates);
    }
}
