package org.dmscloud.plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How whiteboard services contributed by plugin bundles are read: which a tenant sees, one winner per id,
 * and who provided it. A service that claims a tenant's scope ({@link TenantScope#PROPERTY}) counts only if its
 * bundle is one of the platform's own, or one an operator bound to that tenant ({@code TenantSettings.pluginBundles}):
 * no bundle can sell, price or take payments for a tenant by naming it. The others are ignored, and logged once.
 */
public final class Contributions {

    private static final Logger LOG = LoggerFactory.getLogger(Contributions.class);

    /** The provider named for a service whose bundle cannot be found (registered outside the framework, as by tests). */
    public static final String UNKNOWN_BUNDLE = "unknown";

    /** What a contributed id may be: lowercase letters, digits and '-', as it is stored with instances and top-ups. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Services already reported as ignored, by service id: each is said once, not at every request. */
    private static final Set<Object> REPORTED = ConcurrentHashMap.newKeySet();

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
     * later entry of the same scope overrides an earlier one. Services without an id ({@link #ID}), or with a
     * tenant property that is no tenant id, are no contributions.
     */
    public static <S> SortedMap<String, Contribution<S>> forTenant(List<Map.Entry<Map<String, Object>, S>> services, String idProperty,
            TenantId tenant, Set<String> boundBundles, BundleContext bundleContext) {
        SortedMap<String, Contribution<S>> winners = new TreeMap<>();
        for (Map.Entry<Map<String, Object>, S> entry : services == null ? List.<Map.Entry<Map<String, Object>, S>>of() : services) {
            Optional<Optional<TenantId>> scope = scopeOf(entry.getKey());
            if (!(entry.getKey().get(idProperty) instanceof String id) || !ID.matcher(id).matches() || scope.isEmpty()
                    || scope.get().filter(own -> !own.equals(tenant)).isPresent()) {
                continue;
            }
            String provider = providerOf(entry.getKey(), bundleContext);
            if (scope.get().isPresent() && !mayActFor(tenant, provider, boundBundles, entry.getKey(), idProperty, id)) {
                continue;
            }
            Contribution<S> candidate = new Contribution<>(id, entry.getValue(), provider, scope.get());
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
            Function<TenantId, Set<String>> boundBundles, BundleContext bundleContext) {
        SortedMap<String, Contribution<S>> winners = new TreeMap<>();
        for (Map.Entry<Map<String, Object>, S> entry : services == null ? List.<Map.Entry<Map<String, Object>, S>>of() : services) {
            Optional<Optional<TenantId>> scope = scopeOf(entry.getKey());
            if (entry.getKey().get(idProperty) instanceof String id && ID.matcher(id).matches() && scope.isPresent()) {
                String provider = providerOf(entry.getKey(), bundleContext);
                if (scope.get().isPresent()
                        && !mayActFor(scope.get().get(), provider, boundBundles.apply(scope.get().get()), entry.getKey(), idProperty, id)) {
                    continue;
                }
                // "id\0" sorts the platform's before any tenant's of the same id.
                winners.put(id + "\0" + scope.get().map(TenantId::value).orElse(""), new Contribution<>(id, entry.getValue(), provider, scope.get()));
            }
        }
        return List.copyOf(winners.values());
    }

    /**
     * Whether the bundle may register services in the tenant's scope: the platform's own, or bound to the tenant by an
     * operator. A refused one is logged once, with the command that binds it.
     */
    private static boolean mayActFor(TenantId tenant, String provider, Set<String> boundBundles, Map<String, Object> properties,
            String idProperty, String id) {
        if (provider.startsWith(TenantScope.PLATFORM_BUNDLES) || boundBundles.contains(provider)) {
            return true;
        }
        if (REPORTED.add(properties.getOrDefault(Constants.SERVICE_ID, provider + "/" + idProperty + "/" + id + "/" + tenant))) {
            LOG.warn("Bundle {} registers {}={} for tenant {}, but is not bound to it: ignored. If it is {}'s, bind it with "
                    + "dms:tenant-update --plugin {} {} (keeping the tenant's other plugins)", provider, idProperty, id, tenant, tenant, provider,
                    tenant);
        }
        return false;
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
        return bundle == null ? UNKNOWN_BUNDLE : bundle.getSymbolicName();
    }
}
