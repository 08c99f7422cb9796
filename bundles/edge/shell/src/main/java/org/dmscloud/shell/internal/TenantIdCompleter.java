package org.dmscloud.shell.internal;

import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.tenant.TenantDirectory;

/** Completes tenant ids. */
@Service
public class TenantIdCompleter extends RecentIdsCompleter {

    @Reference
    TenantDirectory tenants;

    @Override
    Stream<String> recentIds() {
        return tenants.list().stream().map(tenant -> tenant.id().value());
    }
}
