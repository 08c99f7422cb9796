package org.dmscloud.billing.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A rate's components as a JSON array in the ledger: [{"item":..,"label":..,"amount":minor units},..]. */
final class Breakdowns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Breakdowns() {
    }

    static String toJson(List<PriceComponent> components) {
        if (components.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (PriceComponent component : components) {
            array.addObject().put("item", component.item()).put("label", component.label())
                    .put("amount", component.amount().minorUnits());
        }
        return array.toString();
    }

    static List<PriceComponent> fromJson(String json, Currency currency) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            List<PriceComponent> components = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                components.add(new PriceComponent(node.get("item").asText(), node.get("label").asText(),
                        Money.ofMinor(node.get("amount").asLong(), currency)));
            }
            return components;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable breakdown in the ledger: " + json, e);
        }
    }
}
