package org.dmscloud.shell.internal;

import java.util.Comparator;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.money.Money;

@Service
@Command(scope = "dms", name = "catalog", description = "Packages and add-on options with their daily prices and the bundle that provides each")
public class CatalogCommand implements Action {

    @Option(name = "--currency", description = "Prices in this currency (default EUR)")
    String currency = "EUR";

    @Reference
    Catalog catalog;

    @Reference
    Pricing pricing;

    @Override
    public Object execute() {
        Currency in = Money.currencyOf(currency);
        ShellTable packages = new ShellTable();
        packages.column("Package");
        packages.column("Name");
        packages.column("Devices");
        packages.column("Daily rate at fewest").alignRight();
        packages.column("Daily rate at most").alignRight();
        packages.column("Bundle");
        for (CatalogPackage offered : catalog.packages()) {
            packages.addRow().addContent(offered.id(), offered.name(), offered.devices(),
                    price(InstanceConfiguration.of(offered.id(), offered.devices().min(), Set.of()), in),
                    price(InstanceConfiguration.of(offered.id(), offered.devices().max(), Set.of()), in), offered.providedBy());
        }
        packages.print(System.out);

        // An option's price can depend on the package and devices; shown here added to the smallest package.
        Optional<CatalogPackage> smallest = catalog.packages().stream().filter(CatalogPackage::priced)
                .min(Comparator.comparingLong(p -> p.devices().min()));
        ShellTable options = new ShellTable();
        options.column("Option");
        options.column("Name");
        options.column(smallest.map(p -> "Daily price with " + p.id() + " at " + p.devices().min() + " devices").orElse("Daily price")).alignRight();
        options.column("Bundle");
        for (CatalogOption option : catalog.options()) {
            String price = smallest.map(p -> optionPrice(p, option, in)).orElse("no package on sale");
            options.addRow().addContent(option.id(), option.name(), price, option.providedBy());
        }
        options.print(System.out);
        return null;
    }

    private String optionPrice(CatalogPackage base, CatalogOption option, Currency in) {
        try {
            Money without = pricing.dailyRate(InstanceConfiguration.of(base.id(), base.devices().min(), Set.of()), in).total();
            Money with = pricing.dailyRate(InstanceConfiguration.of(base.id(), base.devices().min(), Set.of(option.id())), in).total();
            return "+" + with.minus(without);
        } catch (InvalidConfigurationException e) {
            return "not on sale: " + e.getMessage();
        }
    }

    private String price(InstanceConfiguration configuration, Currency in) {
        try {
            return pricing.dailyRate(configuration, in).total().toString();
        } catch (InvalidConfigurationException e) {
            return "not on sale";
        }
    }
}
