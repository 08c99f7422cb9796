package org.dmscloud.billing.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.money.Money;

/**
 * The prices the billing tests sell at, changeable between steps (rule R10). Package "standard": a base
 * fee plus a fee per started 100 devices, so that 1,000 devices cost 24.00 a day and 2,000 cost 36.00,
 * the figures of BILLING-RULES.md's worked examples; options at a flat daily fee.
 */
final class PriceList implements Pricing {

    private volatile long baseMinor = 12_00;
    /** A tenant's own base fee, as its own pricing plugin or its price settings would make it. */
    private final Map<TenantId, Long> tenantBaseMinor = new ConcurrentHashMap<>();
    private volatile long per100DevicesMinor = 1_20;
    private final Map<String, Long> optionsMinor = new ConcurrentHashMap<>(Map.of("firmware", 3_00L, "usp", 5_00L));
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final Set<String> crashing = ConcurrentHashMap.newKeySet();
    private final Set<String> tenantsOwn = ConcurrentHashMap.newKeySet();
    private volatile boolean packageOnSale = true;

    /** Changes the package's prices, as an operator would change the catalog. */
    void setPackagePrices(long baseMinor, long per100DevicesMinor) {
        this.baseMinor = baseMinor;
        this.per100DevicesMinor = per100DevicesMinor;
    }

    /** The package's base fee for one tenant's customers only. */
    void setTenantBasePrice(TenantId tenant, long baseMinor) {
        tenantBaseMinor.put(tenant, baseMinor);
    }

    void setOptionPrice(String option, long minor) {
        optionsMinor.put(option, minor);
    }

    /** The option's bundle goes away (R12). */
    void withdrawOption(String option) {
        optionsMinor.remove(option);
    }

    /** The package's bundle goes away (R12), or comes back. */
    void setPackageOnSale(boolean onSale) {
        this.packageOnSale = onSale;
    }

    /** The option's pricing plugin fails, as the host reports a plugin that throws, hangs or answers nonsense. */
    void breakOption(String option) {
        broken.add(option);
    }

    /** The option is supplied by the tenant's own bundle (true) or the platform's (false), under the same id. */
    void suppliedByTheTenant(String option, boolean own) {
        if (own) {
            tenantsOwn.add(option);
        } else {
            tenantsOwn.remove(option);
        }
    }

    /** The option's pricing plugin works again. */
    void repairOption(String option) {
        broken.remove(option);
        crashing.remove(option);
    }

    /** Pricing the option throws an {@link Error}, as the host itself may while a bundle it uses is refreshed. */
    void crashOption(String option) {
        crashing.add(option);
    }

    @Override
    public DailyRate dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        if (!configuration.packageId().equals("standard") || !packageOnSale) {
            throw new ItemNotOnSaleException("packageId", configuration.packageId(),
                    "There is no package '" + configuration.packageId() + "' on sale.");
        }
        long blocks = (configuration.expectedDevices() + 99) / 100;
        List<PriceComponent> components = new ArrayList<>(List.of(
                new PriceComponent("standard", "Standard package", Money.ofMinor(tenantBaseMinor.getOrDefault(tenant, baseMinor), currency)),
                new PriceComponent("standard", configuration.expectedDevices() + " CPE devices", Money.ofMinor(blocks * per100DevicesMinor, currency))));
        for (String option : configuration.optionIds()) {
            if (broken.contains(option)) {
                throw new PricingUnavailableException(option, null);
            }
            if (crashing.contains(option)) {
                throw new NoClassDefFoundError("org/example/pricing/" + option + "/Tariff");
            }
            Long price = optionsMinor.get(option);
            if (price == null) {
                throw new ItemNotOnSaleException("optionIds", option, "There is no option '" + option + "' on sale.");
            }
            components.add(new PriceComponent(option, option, Money.ofMinor(price, currency)));
        }
        return new DailyRate(currency, components, configuration.optionIds().stream().filter(tenantsOwn::contains)
                .collect(java.util.stream.Collectors.toSet()));
    }
}
