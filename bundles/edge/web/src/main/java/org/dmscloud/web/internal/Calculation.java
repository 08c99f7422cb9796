package org.dmscloud.web.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The price calculator as the visitor filled it in, and what it found: the daily rate's lines and total, or
 * what is wrong with the form, field by field ({@code package}, {@code devices}, {@code option}).
 *
 * @param total empty until a configuration was priced
 */
public record Calculation(String packageId, String devices, Set<String> optionIds, Map<String, String> errors, List<PriceLine> lines,
        String total) {

    public Calculation {
        optionIds = Set.copyOf(optionIds);
        errors = Map.copyOf(errors);
        lines = List.copyOf(lines);
    }

    public boolean priced() {
        return !total.isEmpty();
    }

    /** The new instance form with this package, devices and options chosen (after signing in, for a visitor). */
    public String newInstanceHref() {
        StringBuilder href = new StringBuilder(InstancePages.NEW).append("?package=").append(encode(packageId)).append("&devices=").append(encode(devices));
        optionIds.stream().sorted().forEach(option -> href.append("&option=").append(encode(option)));
        return href.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean chosen(String optionId) {
        return optionIds.contains(optionId);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** For {@code aria-invalid}: whether the field has an error, as {@code true} or {@code false}. */
    public String invalid(String field) {
        return Boolean.toString(errors.containsKey(field));
    }

    /** One line of a daily rate: what it is for, and its amount. */
    public record PriceLine(String label, String amount) {
    }
}
