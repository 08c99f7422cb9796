package org.dmscloud.api.catalog;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugin bundles that supply, price or describe the catalog, each with what it contributes and what is wrong with
 * it, for operators (dms:plugin-list): an id that is no id, an item without a price or a price without an item, a tenant
 * that does not exist or has not bound the bundle, an id another bundle already sells to the same customers, a second
 * version installed beside the first, a plugin failing.
 */
@ProviderType
public interface PluginReport {

    /** Every bundle that registers a package, an option or a pricing plugin, by symbolic name then version. */
    List<PluginBundle> plugins();

    /**
     * One plugin bundle.
     *
     * @param contributes what it registers, one line each, such as "option device-reports for tenant acme"
     * @param problems    what an operator should fix, one sentence each; empty when nothing
     */
    record PluginBundle(String symbolicName, String version, long bundleId, String state, List<String> contributes, List<String> problems) {

        public PluginBundle {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(state, "state");
            contributes = List.copyOf(contributes);
            problems = List.copyOf(problems);
        }
    }
}
