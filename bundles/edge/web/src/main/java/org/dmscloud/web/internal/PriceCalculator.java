package org.dmscloud.web.internal;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.money.Money;

/**
 * The landing page's price calculator: a package, the expected number of CPE devices and options, as a plain
 * form sends them ({@code package}, {@code devices}, {@code option} repeated), priced by the same pricing as
 * every charge. Nothing is trusted: an id the tenant does not sell, or a number that is not one, is a message
 * beside its field.
 */
final class PriceCalculator {

    private final Pricing pricing;

    PriceCalculator(Pricing pricing) {
        this.pricing = pricing;
    }

    /** The daily rate of a configuration now, for a page that shows it; empty if it cannot be priced now. */
    Optional<Money> dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        try {
            return Optional.of(pricing.dailyRate(tenant, configuration, currency).total());
        } catch (InvalidConfigurationException | PricingUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * @param query the request's parameters; without a package, the form as it first shows: the first package at
     *        its fewest devices, nothing priced yet
     */
    Calculation calculate(Map<String, String[]> query, TenantId tenant, Currency currency, List<CatalogPackage> packages,
            List<CatalogOption> options, Texts texts) {
        String packageId = first(query, "package");
        // "2,000" and "2 000" as the pages print numbers: the grouping is dropped, never guessed as a decimal point.
        String devices = first(query, "devices").strip().replaceAll("(?<=\\d)[,\\u00a0\\u202f ](?=\\d{3}(\\D|$))", "");
        Set<String> optionIds = new LinkedHashSet<>(List.of(query.getOrDefault("option", new String[0])));
        if (packageId.isEmpty()) {
            return packages.isEmpty() ? empty("", "", Set.of())
                    : empty(packages.get(0).id(), Long.toString(packages.get(0).devices().min()), Set.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (packages.stream().noneMatch(offer -> offer.id().equals(packageId))) {
            errors.put("package", texts.get("calculator.error.package"));
        }
        long expected = 0;
        try {
            expected = Long.parseLong(devices);
        } catch (NumberFormatException e) {
            // the message below
        }
        if (expected < 1) {
            errors.put("devices", texts.get("calculator.error.devices"));
        }
        Set<String> sold = new LinkedHashSet<>(options.stream().map(CatalogOption::id).toList());
        if (!sold.containsAll(optionIds)) {
            errors.put("option", texts.get("calculator.error.option"));
        }
        if (!errors.isEmpty()) {
            return new Calculation(packageId, devices, optionIds, errors, List.of(), "");
        }
        try {
            DailyRate rate = pricing.dailyRate(tenant, InstanceConfiguration.of(packageId, expected, optionIds), currency);
            List<Calculation.PriceLine> lines = rate.components().stream()
                    .map(component -> new Calculation.PriceLine(component.label(), MoneyFormat.format(component.amount(), texts.locale()))).toList();
            return new Calculation(packageId, devices, optionIds, Map.of(), lines, MoneyFormat.format(rate.total(), texts.locale()));
        } catch (InvalidConfigurationException e) {
            // Written for the customer: "between 1 and 1,000 devices", "no longer on sale"...
            return new Calculation(packageId, devices, optionIds, Map.of(field(e.field()), e.getMessage()), List.of(), "");
        } catch (PricingUnavailableException e) {
            // A plugin failing: the item is named beside its field, and the rest of the page still works.
            return new Calculation(packageId, devices, optionIds, Map.of(e.item().equals(packageId) ? "package" : "option", e.getMessage()),
                    List.of(), "");
        }
    }

    private static Calculation empty(String packageId, String devices, Set<String> optionIds) {
        return new Calculation(packageId, devices, optionIds, Map.of(), List.of(), "");
    }

    /** The form's field for a configuration's part. */
    private static String field(String part) {
        return switch (part) {
        case "packageId" -> "package";
        case "expectedDevices" -> "devices";
        default -> "option";
        };
    }

    private static String first(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }
}
