package org.dmscloud.plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * How whiteboard services contributed by plugin bundles are read: which a tenant sees, one winner per id,
 * and who provided it.
 */
public final class Contributions {

    private Contributions() {
    }

    /**
     * A whiteboard service with its id and the bundle that registered it.
     *
     * @param tenant the only tenant it serves ({@link TenantScope#PROPERTY}); empty if it serves every tenant
     */
    public record Contribution<S>(String id, S service, String providedBy, Optional<TenantId> tenant) {

        /** Whether it is the platform's, serving every tenant, rather than one tenant's own. */
        public boolean isPlatformWide() {
            return tenant.isEmpty();
        }
    }

    /**
     * The winning service per id for a tenant's customers, sorted by id: among the services the tenant sees
     * (the platform's, and its own), its own beats the platform's, and within one scope the higher
     * {@code service.ranking} wins. DS hands a dynamic list sorted by service ranking, lowest first, so a
     * later entry of the same scope overrides an earlier one. Services without the id property, or with a
     * tenant property that is no tenant id, are no contributions.
     */
    public static <S> SortedMap<String, Contribution<S>> forTenant(List<Map.Entry<Map<String, Object>, S>> services, String idProperty,
            TenantId tenant, BundleContext bundleContext) {
        SortedMap<String, Contribution<S>> winners = new TreeMap<>();
        for (Map.Entry<Map<String, Object>, S> entry : services == null ? List.<Map.Entry<Map<String, Object>, S>>of() : services) {
            Optional<Optional<TenantId>> scope = scopeOf(entry.getKey());
            if (!(entry.getKey().get(idProperty) instanceof String id) || id.isBlank() || scope.isEmpty()
                    || scope.get().filter(own -> !own.equals(tenant)).isPresent()) {
                continue;
            }
            Contribution<S> candidate = new Contribution<>(id, entry.getValue(), providerOf(entry.getKey(), bundleContext), scope.get());
            Contribution<S> current = winners.get(id);
            if (current == null || candidate.isPlatformWide() == current.isPlatformWide() || current.isPlatformWide()) {
                winners.put(id, candidate);
            }
        }
        return winners;
    }

    /**
     * The winning service per id and scope, whichever tenant it serves, for what must see every tenant's
     * (operators' lists, a payment provider found by its id alone): sorted by id, the platform's first.
     */
    public static <S> List<Contribution<S>> everyScope(List<Map.Entry<Map<String, Object>, S>> services, String idProperty,
            BundleContext bundleContext) {
        SortedMap<String, Contribution<S>> winners = new TreeMap<>();
        for (Map.Entry<Map<String, Object>, S> entry : services == null ? List.<Map.Entry<Map<String, Object>, S>>of() : services) {
            Optional<Optional<TenantId>> scope = scopeOf(entry.getKey());
            if (entry.getKey().get(idProperty) instanceof String id && !id.isBlank() && scope.isPresent()) {
                // "id\0" sorts the platform's before any tenant's of the same id.
                winners.put(id + "\0" + scope.get().map(TenantId::value).orElse(""),
                        new Contribution<>(id, entry.getValue(), providerOf(entry.getKey(), bundleContext), scope.get()));
            }
        }
        return List.copyOf(winners.values());
    }

    /** The tenant a service is for: empty inside if it serves every tenant; empty outside if its property is no tenant id. */
    private static Optional<Optional<TenantId>> scopeOf(Map<String, Object> properties) {
        Object value = properties.get(TenantScope.PROPERTY);
        if (value == null) {
            return Optional.of(Optional.empty());
        }
        try {
            return value instanceof String id ? Optional.of(Optional.of(new TenantId(id.trim()))) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The symbolic name of the bundle that registered a service, which the framework records with it. */
    private static String providerOf(Map<String, Object> properties, BundleContext bundleContext) {
        Bundle bundle = bundleContext != null && properties.get(Constants.SERVICE_BUNDLEID) instanceof Long id
                ? bundleContext.getBundle(id)
                : null;
        return bundle == null ? "unknown" : bundle.getSymbolicName();
    }
}
