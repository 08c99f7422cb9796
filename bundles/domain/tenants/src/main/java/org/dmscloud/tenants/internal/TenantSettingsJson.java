package org.dmscloud.tenants.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tenant's settings but its name and host names (they have columns) as a JSON document in its row:
 * {"brand": {...} or absent, "currency": "EUR", "catalog": [...] or absent, "markupBasisPoints": 0,
 * "dailyPrices": {"item": {"amount": minor units, "currency": "EUR"}}, "platformPayments": false, "pluginBundles": [...]}.
 */
final class TenantSettingsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TenantSettingsJson() {
    }

    static String write(TenantSettings settings) {
        ObjectNode document = JSON.createObjectNode();
        settings.brand().ifPresent(brand -> document.putObject("brand").put("name", brand.name()).put("supportAddress", brand.supportAddress())
                .put("mailFrom", brand.mailFrom()).put("portalUrl", brand.portalUrl()));
        document.put("currency", settings.currency().getCurrencyCode());
        settings.catalog().only().ifPresent(items -> items.forEach(document.withArray("catalog")::add));
        document.put("markupBasisPoints", settings.prices().markupBasisPoints());
        ObjectNode prices = document.putObject("dailyPrices");
        settings.prices().dailyPrices().forEach((item, price) -> prices.putObject(item).put("amount", price.minorUnits())
                .put("currency", price.currencyCode()));
        document.put("platformPayments", settings.platformPayments());
        new TreeSet<>(settings.pluginBundles()).forEach(document.withArray("pluginBundles")::add);
        return document.toString();
    }

    static TenantSettings read(String name, List<String> hostNames, String json) {
        try {
            JsonNode document = JSON.readTree(json);
            JsonNode brand = document.path("brand");
            Optional<Brand> readBrand = brand.isMissingNode() ? Optional.empty() : Optional.of(new Brand(brand.path("name").asText(),
                    brand.path("supportAddress").asText(), brand.path("mailFrom").asText(), brand.path("portalUrl").asText()));
            CatalogSelection catalog = CatalogSelection.EVERYTHING;
            if (document.has("catalog")) {
                Set<String> items = new HashSet<>();
                document.get("catalog").forEach(item -> items.add(item.asText()));
                catalog = CatalogSelection.only(items);
            }
            Map<String, Money> dailyPrices = new LinkedHashMap<>();
            document.path("dailyPrices").fields().forEachRemaining(entry -> dailyPrices.put(entry.getKey(),
                    Money.ofMinor(entry.getValue().path("amount").asLong(), entry.getValue().path("currency").asText())));
            Set<String> pluginBundles = new HashSet<>();
            document.path("pluginBundles").forEach(bundle -> pluginBundles.add(bundle.asText()));
            return new TenantSettings(name, new ArrayList<>(hostNames), readBrand, Currency.getInstance(document.path("currency").asText()),
                    catalog, new PriceAdjustment(document.path("markupBasisPoints").asInt(), dailyPrices),
                    document.path("platformPayments").asBoolean(false), pluginBundles);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable settings of a tenant: " + json, e);
        }
    }
}
