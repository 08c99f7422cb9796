package org.dmscloud.shell.internal;

import java.util.Optional;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceQuery;

/** Completes instance ids with the newest instances'. */
@Service
public class InstanceIdCompleter extends RecentIdsCompleter {

    @Reference
    InstanceAdministration instances;

    @Override
    Stream<String> recentIds() {
        return instances.search(new InstanceQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RECENT)).stream()
                .map(instance -> instance.id().toString());
    }
}
