package org.dmscloud.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.PluginReport.PluginBundle;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.plugins.Contributions;

/**
 * What each plugin bundle contributes to the catalog and what is wrong with it, from what is registered and installed:
 * a pure function of them, so that the shell's list, the log and the tests see the same.
 */
final class PluginBundles {

    /** The kinds of services the catalog reads, as the report names them. */
    enum Kind {
        PACKAGE("package"), OPTION("option"), PRICING("pricing of");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /**
     * One registered service.
     *
     * @param tenant the value of its dms.tenant property, if it has one (maybe no tenant id)
     */
    record Registered(Kind kind, String id, Optional<String> tenant, String bundle, long bundleId) {
    }

    /** One installed bundle. */
    record Installed(long id, String symbolicName, String version, String state) {
    }

    private PluginBundles() {
    }

    /**
     * @param failures the latest failure of each plugin bundle's calls, by symbolic name
     */
    static List<PluginBundle> report(List<Registered> services, List<Installed> bundles, List<Tenant> tenants, Map<String, String> failures) {
        Map<String, Tenant> tenantsById = tenants.stream().collect(Collectors.toMap(t -> t.id().value(), t -> t));
        Map<Long, List<Registered>> byBundle = new LinkedHashMap<>();
        services.forEach(service -> byBundle.computeIfAbsent(service.bundleId(), id -> new ArrayList<>()).add(service));
        List<PluginBundle> report = new ArrayList<>();
        for (Map.Entry<Long, List<Registered>> entry : byBundle.entrySet()) {
            Installed bundle = bundles.stream().filter(b -> b.id() == entry.getKey()).findFirst()
                    .orElse(new Installed(entry.getKey(), entry.getValue().get(0).bundle(), "?", "?"));
            List<String> contributes = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Registered service : entry.getValue()) {
                contributes.add(service.kind().word + " " + service.id() + service.tenant().map(t -> " for tenant " + t).orElse(""));
                problems.addAll(problemsOf(service, services, tenantsById));
            }
            for (Installed other : bundles) {
                if (other.id() != bundle.id() && other.symbolicName().equals(bundle.symbolicName())) {
                    problems.add("another version is installed too (" + other.version() + ", bundle " + other.id() + ", " + other.state()
                            + "): both register their services; replace the file in deploy/ rather than adding one beside it");
                }
            }
            Optional.ofNullable(failures.get(bundle.symbolicName())).ifPresent(failure -> problems.add("failing: " + failure));
            report.add(new PluginBundle(bundle.symbolicName(), bundle.version(), bundle.id(), bundle.state(), contributes,
                    problems.stream().distinct().toList()));
        }
        report.sort(Comparator.comparing(PluginBundle::symbolicName).thenComparing(PluginBundle::version).thenComparingLong(PluginBundle::bundleId));
        return report;
    }

    private static List<String> problemsOf(Registered service, List<Registered> all, Map<String, Tenant> tenants) {
        List<String> problems = new ArrayList<>();
        if (!Contributions.ID.matcher(service.id()).matches()) {
            problems.add(service.kind().word + " '" + service.id() + "': not an id (lowercase letters, digits and '-', at most 63): ignored");
            return problems;
        }
        if (service.tenant().isPresent()) {
            String tenant = service.tenant().get().trim();
            Tenant found = tenants.get(tenant);
            if (!isTenantId(tenant)) {
                problems.add(service.kind().word + " " + service.id() + ": dms.tenant '" + tenant + "' is no tenant id: ignored");
                return problems;
            }
            if (found == null) {
                problems.add(service.kind().word + " " + service.id() + " for tenant " + tenant + ", which does not exist: sold to nobody");
                return problems;
            }
            if (!service.bundle().startsWith(org.dmscloud.spi.tenant.TenantScope.PLATFORM_BUNDLES) && !found.settings().pluginBundles().contains(service.bundle())) {
                problems.add(service.kind().word + " " + service.id() + " for tenant " + tenant + ", which has not bound this bundle: ignored "
                        + "(dms:tenant-update --plugin " + service.bundle() + " " + tenant + ")");
                return problems;
            }
        }
        if (service.kind() != Kind.PRICING) {
            boolean priced = all.stream().anyMatch(other -> other.kind() == Kind.PRICING && other.id().equals(service.id())
                    && (other.tenant().isEmpty() || other.tenant().equals(service.tenant())));
            if (!priced) {
                problems.add(service.kind().word + " " + service.id() + " has no pricing plugin: listed, not sold");
            }
            if (service.tenant().isPresent()) {
                all.stream().filter(other -> other.kind() == service.kind() && other.id().equals(service.id()) && other.tenant().isEmpty())
                        .findFirst().ifPresent(platforms -> problems.add(service.kind().word + " " + service.id() + " for tenant "
                                + service.tenant().get() + " has the id of the platform's (bundle " + platforms.bundle() + "): the tenant's "
                                + "customers get this one, and its instances go on at the rate they last paid if it goes away; better an id "
                                + "of its own"));
            }
        } else {
            boolean supplied = all.stream().anyMatch(other -> other.kind() != Kind.PRICING && other.id().equals(service.id())
                    && (other.tenant().isEmpty() || other.tenant().equals(service.tenant())));
            if (!supplied) {
                problems.add("pricing of " + service.id() + ": no package or option " + service.id() + " is supplied"
                        + service.tenant().map(t -> " for tenant " + t).orElse(""));
            }
        }
        return problems;
    }

    private static boolean isTenantId(String value) {
        try {
            new TenantId(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The problems not in {@code known}, which are added to it: what the log has not said yet. */
    static List<String> news(List<PluginBundle> report, Set<String> known) {
        List<String> news = new ArrayList<>();
        for (PluginBundle bundle : report) {
            for (String problem : bundle.problems()) {
                String line = "Plugin bundle " + bundle.symbolicName() + " " + bundle.version() + " (bundle " + bundle.bundleId() + "): " + problem;
                if (known.add(line)) {
                    news.add(line);
                }
            }
        }
        return news;
    }
}
