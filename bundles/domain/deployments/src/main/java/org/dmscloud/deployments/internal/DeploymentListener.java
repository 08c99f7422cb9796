package org.dmscloud.deployments.internal;

import java.time.Clock;

import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.deployments.internal.DeploymentRows.Desired;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Turns each instance's lifecycle into what its deployment should be, in the transaction that takes the event, so
 * that no change is lost nor asked twice: created (running, or suspended when created disabled), enabled, disabled,
 * new settings, deleted. The deployer is the one the instance's package named when it was created.
 */
@Component(property = InstanceEventListener.NAME + "=deployments")
public class DeploymentListener implements InstanceEventListener {

    private final Store store;
    private final Clock clock;
    private final Catalog catalog;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = DeploymentTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public DeploymentListener(@Reference Store store, @Reference Clock clock, @Reference Catalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
    }

    @Override
    public void onEvent(InstanceEvent event) {
        if (event.type() == InstanceEvent.Type.CHARGED) {
            return;
        }
        Desired desired = event.type() == InstanceEvent.Type.DELETED || event.state() == InstanceState.DELETED ? Desired.DELETED
                : event.state() == InstanceState.ENABLED ? Desired.RUNNING : Desired.SUSPENDED;
        store.inTransaction(transaction -> {
            DeploymentRows rows = DeploymentRows.in(transaction);
            if (event.type() == InstanceEvent.Type.CREATED || !rows.ask(event.instance(), desired,
                    event.type() == InstanceEvent.Type.SETTINGS_CHANGED, clock.instant())) {
                rows.create(event.instance(), deployer(event), desired, clock.instant());
            }
            return null;
        });
    }

    private String deployer(InstanceEvent event) {
        return catalog.findPackage(event.tenant(), event.configuration().packageId()).map(CatalogPackage::deployer)
                .orElse(CatalogPackage.BUILT_IN_DEPLOYER);
    }
}
