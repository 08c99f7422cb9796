package org.dmscloud.shell.internal;

import java.util.Optional;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.payment.TopUpAdministration;

/** Completes top-up ids with the newest top-ups'. */
@Service
public class TopUpIdCompleter extends RecentIdsCompleter {

    @Reference
    TopUpAdministration topUps;

    @Override
    Stream<String> recentIds() {
        return topUps.list(Optional.empty(), Optional.empty(), Optional.empty(), RECENT).stream().map(topUp -> topUp.id().toString());
    }
}
