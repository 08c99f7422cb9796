package org.dmscloud.tenants.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dmscloud.api.tenant.TenantSettings;

/** What changed between two settings of a tenant, in words for the audit. */
final class TenantChanges {

    private TenantChanges() {
    }

    static String between(TenantSettings before, TenantSettings after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "name", before.name(), after.name());
        compare(changes, "host names", before.hostNames(), after.hostNames());
        compare(changes, "brand", before.brand().orElse(null), after.brand().orElse(null));
        compare(changes, "currency", before.currency(), after.currency());
        compare(changes, "catalog", describe(before), describe(after));
        compare(changes, "prices", before.prices(), after.prices());
        compare(changes, "platform payments", before.platformPayments(), after.platformPayments());
        compare(changes, "plugin bundles", new java.util.TreeSet<>(before.pluginBundles()), new java.util.TreeSet<>(after.pluginBundles()));
        return changes.isEmpty() ? "nothing changed" : String.join("; ", changes);
    }

    static String of(TenantSettings settings) {
        return "name " + settings.name() + "; host names " + settings.hostNames() + "; brand " + settings.brand().orElse(null) + "; currency "
                + settings.currency() + "; catalog " + describe(settings) + "; prices " + settings.prices() + "; platform payments "
                + settings.platformPayments() + "; plugin bundles " + new java.util.TreeSet<>(settings.pluginBundles());
    }

    private static String describe(TenantSettings settings) {
        return settings.catalog().only().map(items -> "only " + items).orElse("everything");
    }

    private static void compare(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + before + " → " + after);
        }
    }
}
