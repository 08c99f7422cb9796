package org.dmscloud.billing.internal;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceQuery;
import org.dmscloud.billing.internal.store.BillingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every account's instances, for operators; reading only. */
@Component(service = InstanceAdministration.class)
public class InstanceDirectory implements InstanceAdministration {

    private static final int MAX_LIMIT = 1000;

    private final BillingStore store;

    @Activate
    public InstanceDirectory(@Reference BillingStore store) {
        this.store = store;
    }

    @Override
    public List<Instance> search(InstanceQuery query) {
        InstanceQuery bounded = new InstanceQuery(query.state(), query.tenant(), query.account(), query.packageId(),
                Math.min(query.limit(), MAX_LIMIT));
        return store.read(tx -> tx.instances().search(bounded));
    }

    @Override
    public Optional<Instance> find(InstanceId instance) {
        return store.read(tx -> tx.instances().find(instance));
    }
}
