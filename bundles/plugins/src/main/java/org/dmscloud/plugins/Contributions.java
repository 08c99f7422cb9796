package org.dmscloud.plugins;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** How whiteboard services contributed by plugin bundles are read: one winner per id, and who provided it. */
public final class Contributions {

    private Contributions() {
    }

    /** A whiteboard service with its id and the bundle that registered it. */
    public record Contribution<S>(String id, S service, String providedBy) {
    }

    /**
     * The winning service per id, sorted by id. DS hands a dynamic list sorted by service ranking, lowest
     * first, so a later entry with the same id overrides an earlier one. Services without the id property
     * are not contributions.
     */
    public static <S> SortedMap<String, Contribution<S>> byId(List<Map.Entry<Map<String, Object>, S>> services, String idProperty,
            BundleContext bundleContext) {
        SortedMap<String, Contribution<S>> winners = new TreeMap<>();
        for (Map.Entry<Map<String, Object>, S> entry : services == null ? List.<Map.Entry<Map<String, Object>, S>>of() : services) {
            if (entry.getKey().get(idProperty) instanceof String id && !id.isBlank()) {
                winners.put(id, new Contribution<>(id, entry.getValue(), providerOf(entry.getKey(), bundleContext)));
            }
        }
        return winners;
    }

    /** The symbolic name of the bundle that registered a service, which the framework records with it. */
    private static String providerOf(Map<String, Object> properties, BundleContext bundleContext) {
        Bundle bundle = bundleContext != null && properties.get(Constants.SERVICE_BUNDLEID) instanceof Long id
                ? bundleContext.getBundle(id)
                : null;
        return bundle == null ? "unknown" : bundle.getSymbolicName();
    }
}
