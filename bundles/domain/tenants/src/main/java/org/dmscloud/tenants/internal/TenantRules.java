package org.dmscloud.tenants.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.TenantSettings;

/** What a tenant's settings must be, each problem named by the setting at fault. */
final class TenantRules {

    /** A DNS name: labels of letters, digits and '-', not starting or ending with '-'. */
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern ITEM = Pattern.compile("[a-z0-9-]{1,63}");
    /** A markup of -100 % (free) to +1,000 %. */
    private static final int MIN_MARKUP = -10_000;
    private static final int MAX_MARKUP = 100_000;

    private TenantRules() {
    }

    /** The host name a request names, as tenants are looked up by: lower case, no port, no trailing dot. */
    static String normalizeHost(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name; // an IPv6 literal: no tenant answers at one
        }
        int port = name.indexOf(':');
        name = port >= 0 ? name.substring(0, port) : name;
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** @throws org.dmscloud.api.customer.InvalidInputException naming each setting at fault */
    static void check(TenantSettings settings, boolean isDefault) {
        Inputs inputs = new Inputs().text("name", settings.name(), 1, 200, "a name");
        Set<String> seen = new HashSet<>();
        for (String host : settings.hostNames()) {
            if (!HOST.matcher(host).matches() || !host.contains(".")) {
                inputs.problem("hostNames", "'" + host + "' is not a host name such as portal.acme.example (lower case, no port).");
            } else if (!seen.add(host)) {
                inputs.problem("hostNames", "'" + host + "' is listed twice.");
            }
        }
        if (settings.brand().isEmpty() && !isDefault) {
            inputs.problem("brand", "A reseller needs its brand: the name, support address, mail sender and portal address its customers see.");
        }
        settings.brand().ifPresent(brand -> checkBrand(brand, inputs));
        if (settings.currency().getDefaultFractionDigits() < 0) {
            inputs.problem("currency", settings.currency().getCurrencyCode() + " has no minor unit and cannot hold money.");
        }
        settings.catalog().only().ifPresent(items -> items.forEach(item -> {
            if (!ITEM.matcher(item).matches()) {
                inputs.problem("catalog", "'" + item + "' is not a package or option id.");
            }
        }));
        int markup = settings.prices().markupBasisPoints();
        if (markup < MIN_MARKUP || markup > MAX_MARKUP) {
            inputs.problem("markup", "A markup is between -100 % and +1,000 %.");
        }
        for (Map.Entry<String, Money> price : settings.prices().dailyPrices().entrySet()) {
            if (!ITEM.matcher(price.getKey()).matches()) {
                inputs.problem("prices", "'" + price.getKey() + "' is not a package or option id.");
            } else if (price.getValue().isNegative()) {
                inputs.problem("prices", "The price of '" + price.getKey() + "' cannot be negative.");
            }
        }
        inputs.check();
    }

    private static void checkBrand(Brand brand, Inputs inputs) {
        inputs.text("brand.name", brand.name(), 1, 200, "the brand's name").email("brand.supportAddress", brand.supportAddress())
                .email("brand.mailFrom", brand.mailFrom());
        try {
            URI portal = new URI(brand.portalUrl());
            boolean web = "https".equals(portal.getScheme()) || "http".equals(portal.getScheme());
            if (!web || portal.getHost() == null || portal.getRawQuery() != null || portal.getRawFragment() != null) {
                inputs.problem("brand.portalUrl", "The portal's address is https://host[/path], such as https://portal.acme.example.");
            }
        } catch (URISyntaxException e) {
            inputs.problem("brand.portalUrl", "The portal's address is https://host[/path], such as https://portal.acme.example.");
        }
    }
}
