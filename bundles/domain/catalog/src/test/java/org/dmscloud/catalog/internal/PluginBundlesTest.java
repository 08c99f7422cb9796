package org.dmscloud.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.PluginReport.PluginBundle;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.catalog.internal.PluginBundles.Installed;
import org.dmscloud.catalog.internal.PluginBundles.Kind;
import org.dmscloud.catalog.internal.PluginBundles.Registered;
import org.junit.jupiter.api.Test;

/** What an operator is told of each plugin bundle (dms:plugin-list, and once in the log). */
class PluginBundlesTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final List<Tenant> TENANTS = List.of(tenant("default", Set.of()), tenant("acme", Set.of("org.example.reports")));

    @Test
    void aSoundBundleHasNoProblems() {
        List<PluginBundle> report = PluginBundles.report(List.of(
                new Registered(Kind.OPTION, "reports", Optional.of("acme"), "org.example.reports", 10),
                new Registered(Kind.PRICING, "reports", Optional.of("acme"), "org.example.reports", 10)),
                List.of(new Installed(10, "org.example.reports", "1.0.0", "Active")), TENANTS, Map.of());

        assertThat(report).singleElement().satisfies(bundle -> {
            assertThat(bundle.contributes()).containsExactly("option reports for tenant acme", "pricing of reports for tenant acme");
            assertThat(bundle.problems()).isEmpty();
        });
    }

    @Test
    void everyMistakeADeployerMakesIsNamedWithWhatToDo() {
        List<PluginBundle> report = PluginBundles.report(List.of(
                new Registered(Kind.OPTION, "Bad Id", Optional.empty(), "org.example.mistakes", 20),
                new Registered(Kind.OPTION, "unpriced", Optional.empty(), "org.example.mistakes", 20),
                new Registered(Kind.PRICING, "nothing", Optional.empty(), "org.example.mistakes", 20),
                new Registered(Kind.OPTION, "ghostly", Optional.of("ghost"), "org.example.mistakes", 20),
                new Registered(Kind.OPTION, "unbound", Optional.of("acme"), "org.example.mistakes", 20),
                new Registered(Kind.OPTION, "usp", Optional.empty(), "dms-cloud-catalog-default", 5),
                new Registered(Kind.PRICING, "usp", Optional.empty(), "dms-cloud-catalog-default", 5),
                new Registered(Kind.OPTION, "usp", Optional.of("acme"), "org.example.reports", 10),
                new Registered(Kind.PRICING, "usp", Optional.of("acme"), "org.example.reports", 10)),
                List.of(new Installed(5, "dms-cloud-catalog-default", "0.1.0", "Active"), new Installed(10, "org.example.reports", "1.0.1", "Active"),
                        new Installed(11, "org.example.reports", "1.0.0", "Active"), new Installed(20, "org.example.mistakes", "1.0.0", "Active")),
                TENANTS, Map.of("org.example.reports", "the price of 'usp': no answer within 2000 ms (at 2026-12-07T10:00:00Z)"));

        assertThat(problems(report, "org.example.mistakes")).containsExactly(
                "option 'Bad Id': not an id (lowercase letters, digits and '-', at most 63): ignored",
                "option unpriced has no pricing plugin: listed, not sold",
                "pricing of nothing: no package or option nothing is supplied",
                "option ghostly for tenant ghost, which does not exist: sold to nobody",
                "option unbound for tenant acme, which has not bound this bundle: ignored (dms:tenant-update --plugin org.example.mistakes acme)");
        assertThat(problems(report, "org.example.reports")).containsExactly(
                "option usp for tenant acme has the id of the platform's (bundle dms-cloud-catalog-default): the tenant's customers get this "
                        + "one, and its instances go on at the rate they last paid if it goes away; better an id of its own",
                "another version is installed too (1.0.0, bundle 11, Active): both register their services; replace the file in deploy/ "
                        + "rather than adding one beside it",
                "failing: the price of 'usp': no answer within 2000 ms (at 2026-12-07T10:00:00Z)");
        assertThat(problems(report, "dms-cloud-catalog-default")).isEmpty();
    }

    @Test
    void theLogIsToldEachProblemOnce() {
        List<PluginBundle> report = PluginBundles.report(List.of(new Registered(Kind.OPTION, "unpriced", Optional.empty(), "org.example.x", 3)),
                List.of(new Installed(3, "org.example.x", "1.0.0", "Active")), TENANTS, Map.of());
        Set<String> told = new TreeSet<>();

        assertThat(PluginBundles.news(report, told)).containsExactly(
                "Plugin bundle org.example.x 1.0.0 (bundle 3): option unpriced has no pricing plugin: listed, not sold");
        assertThat(PluginBundles.news(report, told)).isEmpty();
    }

    private static List<String> problems(List<PluginBundle> report, String bundle) {
        return report.stream().filter(b -> b.symbolicName().equals(bundle)).findFirst().orElseThrow().problems();
    }

    private static Tenant tenant(String id, Set<String> plugins) {
        return new Tenant(new TenantId(id), new TenantSettings(id, List.of(), Optional.empty(), Currency.getInstance("EUR"), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false, plugins), TenantStatus.ENABLED, AT, AT);
    }
}
