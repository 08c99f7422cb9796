package org.dmscloud.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.api.tenant.TenantSettings;

/** How a tenant is printed by the commands that show or change one. */
final class TenantText {

    private TenantText() {
    }

    static void print(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        System.out.println("Tenant:    " + tenant.id() + " (" + tenant.name() + "), " + tenant.status() + ", since " + tenant.createdAt()
                + ", changed " + tenant.updatedAt());
        System.out.println("Hosts:     " + (settings.hostNames().isEmpty() ? "-" : String.join(", ", settings.hostNames())));
        System.out.println("Brand:     " + settings.brand().map(brand -> brand.name() + ", support " + brand.supportAddress() + ", mail from "
                + brand.mailFrom() + ", portal " + brand.portalUrl()).orElse("the platform's (etc/org.dmscloud.mail.cfg)"));
        System.out.println("Currency:  " + settings.currency().getCurrencyCode() + " for new accounts");
        System.out.println("Catalog:   " + catalog(settings));
        System.out.println("Prices:    " + prices(settings));
        System.out.println("Payments:  " + (tenant.id().equals(TenantId.DEFAULT) ? "the platform's providers"
                : settings.platformPayments() ? "its own providers and the platform's" : "its own providers only"));
        System.out.println("Plugins:   " + (settings.pluginBundles().isEmpty() ? "none bound (its own items and providers come from the "
                + "platform's bundles only)" : String.join(", ", new java.util.TreeSet<>(settings.pluginBundles()))));
    }

    static void printAudit(List<TenantAuditEntry> entries) {
        for (TenantAuditEntry entry : entries) {
            System.out.println("  " + entry.at() + "  " + entry.action() + " by " + entry.operator() + ": " + entry.detail());
        }
    }

    static String catalog(TenantSettings settings) {
        return settings.catalog().only().map(items -> "only " + String.join(", ", new java.util.TreeSet<>(items))).orElse("everything on sale");
    }

    static String prices(TenantSettings settings) {
        if (settings.prices().isNone()) {
            return "the platform's";
        }
        String markup = settings.prices().markupBasisPoints() == 0 ? "" : PriceMarkup.format(settings.prices().markupBasisPoints()) + " on every item";
        String fixed = settings.prices().dailyPrices().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " a day")
                .collect(Collectors.joining(", "));
        return markup + (markup.isEmpty() || fixed.isEmpty() ? "" : "; ") + fixed;
    }

    /** An operator's mistake in the words of its fields, one line. */
    static IllegalArgumentException refusal(InvalidInputException invalid) {
        return new IllegalArgumentException(invalid.fields().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
    }
}
