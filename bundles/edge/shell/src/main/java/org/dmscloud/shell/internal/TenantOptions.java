package org.dmscloud.shell.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Option;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;

/**
 * The options tenant-create and tenant-update share, and how they make a tenant's settings: each one
 * given replaces that setting, each one left out keeps it (or, for a new tenant, takes its default).
 */
abstract class TenantOptions {

    @Option(name = "--name", description = "The tenant's name, for operators")
    String name;

    @Option(name = "--host", multiValued = true, description = "A host name its portal answers at (repeat for more); replaces the list")
    List<String> hosts;

    @Option(name = "--brand", description = "The name its customers see (default: its name)")
    String brandName;

    @Option(name = "--support", description = "The support address in its mails")
    String support;

    @Option(name = "--mail-from", description = "The sender of its mails")
    String mailFrom;

    @Option(name = "--portal-url", description = "Its portal's address, such as https://portal.acme.example, for the links in its mails")
    String portalUrl;

    @Option(name = "--currency", description = "The currency of its new accounts, such as EUR")
    String currency;

    @Option(name = "--catalog", description = "The package and option ids it sells, comma-separated, or 'all'")
    String catalog;

    @Option(name = "--markup", description = "Its markup on every platform price, in percent, such as 15 or -7.5; 0 for none")
    String markup;

    @Option(name = "--price", multiValued = true, description = "A fixed daily price for an item in its currency, item=amount such as "
            + "usp=4.00 (repeat for more); item= removes one")
    List<String> prices;

    @Option(name = "--platform-payments", description = "true: its customers may also pay through the platform's payment providers "
            + "(the money goes to the platform); false: only through its own (default for a new tenant)")
    String platformPayments;

    @Option(name = "--plugin", multiValued = true, description = "The symbolic name of a plugin bundle that may sell, price and take "
            + "payments as this tenant's own (services with dms.tenant=<tenant>; repeat for more); replaces the list, 'none' empties it")
    List<String> plugins;

    /** The settings these options make of what stood before. */
    TenantSettings apply(TenantSettings before, boolean brandRequired) {
        String newName = name == null ? before.name() : name.trim();
        List<String> newHosts = hosts == null ? before.hostNames()
                : hosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        Optional<Brand> brand = brand(before.brand(), newName, brandRequired);
        Currency newCurrency = currency == null ? before.currency() : Money.currencyOf(currency);
        CatalogSelection newCatalog = catalog == null ? before.catalog() : catalog.trim().equalsIgnoreCase("all") ? CatalogSelection.EVERYTHING
                : CatalogSelection.only(Arrays.stream(catalog.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        int newMarkup = markup == null ? before.prices().markupBasisPoints() : PriceMarkup.parse(markup);
        Map<String, Money> newPrices = new HashMap<>(before.prices().dailyPrices());
        for (String price : prices == null ? List.<String>of() : prices) {
            int equals = price.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + price + "' is not a price: write it like usp=4.00, or usp= to remove one");
            }
            String item = price.substring(0, equals).trim();
            String amount = price.substring(equals + 1).trim();
            if (amount.isEmpty()) {
                newPrices.remove(item);
            } else {
                newPrices.put(item, Money.of(new BigDecimal(checkedAmount(amount)), newCurrency));
            }
        }
        return new TenantSettings(newName, new ArrayList<>(newHosts), brand, newCurrency, newCatalog, new PriceAdjustment(newMarkup, newPrices),
                platformPayments == null ? before.platformPayments() : Choices.bool("--platform-payments", platformPayments),
                plugins == null ? before.pluginBundles() : pluginBundles(plugins));
    }

    /** Bundle symbolic names as an operator types them: 'none' for none. */
    static java.util.Set<String> pluginBundles(List<String> names) {
        java.util.Set<String> bundles = new java.util.TreeSet<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.equalsIgnoreCase("none")) {
                continue;
            }
            if (!trimmed.matches("[A-Za-z0-9_.-]{1,200}")) {
                throw new IllegalArgumentException("'" + name + "' is no bundle symbolic name: bundle:list -s shows them, such as "
                        + "org.example.device-reports");
            }
            bundles.add(trimmed);
        }
        return bundles;
    }

    private Optional<Brand> brand(Optional<Brand> before, String tenantName, boolean required) {
        boolean given = brandName != null || support != null || mailFrom != null || portalUrl != null;
        if (!given && !required) {
            return before;
        }
        Brand base = before.orElse(new Brand(tenantName, "", "", ""));
        return Optional.of(new Brand(brandName == null ? base.name() : brandName.trim(), support == null ? base.supportAddress() : support.trim(),
                mailFrom == null ? base.mailFrom() : mailFrom.trim(), portalUrl == null ? base.portalUrl() : portalUrl.trim()));
    }

    private static String checkedAmount(String amount) {
        try {
            new BigDecimal(amount);
            return amount;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount; write it like 4.00");
        }
    }

}
