package org.dmscloud.shell.internal;

import java.util.Comparator;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;

@Service
@Command(scope = "dms", name = "catalog", description = "Packages and add-on options with their daily prices and the bundle that provides each")
public class CatalogCommand implements Action {

    @Option(name = "--tenant", description = "What this tenant sells, at its prices (default: the platform's own customers')")
    @Completion(TenantIdCompleter.class)
    String tenant = TenantId.DEFAULT.value();

    @Option(name = "--currency", description = "Prices in this currency (default the tenant's)")
    String currency;

    @Reference
    TenantDirectory tenants;

    @Reference
    Catalog catalog;

    @Reference
    Pricing pricing;

    @Override
    public Object execute() {
        TenantId seller = new TenantId(tenant.trim());
        Tenant found = tenants.find(seller).orElseThrow(() -> new TenantNotFoundException(seller));
        Currency in = currency == null ? found.settings().currency() : Money.currencyOf(currency);
        System.out.println("On sale to the customers of " + found.name() + " (" + seller + "), daily prices in " + in.getCurrencyCode());
        ShellTable packages = new ShellTable();
        packages.column("Package");
        packages.column("Name");
        packages.column("Devices");
        packages.column("Daily rate at fewest").alignRight();
        packages.column("Daily rate at most").alignRight();
        packages.column("Bundle");
        packages.column("Priced by");
        for (CatalogPackage offered : catalog.packages(seller)) {
            packages.addRow().addContent(offered.id(), offered.name(), offered.devices(),
                    price(seller, InstanceConfiguration.of(offered.id(), offered.devices().min(), Set.of()), in),
                    price(seller, InstanceConfiguration.of(offered.id(), offered.devices().max(), Set.of()), in), offered.providedBy(),
                    catalog.pricedBy(seller, offered.id()).orElse("-"));
        }
        packages.print(System.out);

        // An option's price can depend on the package and devices; shown here added to the smallest package.
        Optional<CatalogPackage> smallest = catalog.packages(seller).stream().filter(CatalogPackage::priced)
                .min(Comparator.comparingLong(p -> p.devices().min()));
        ShellTable options = new ShellTable();
        options.column("Option");
        options.column("Name");
        options.column(smallest.map(p -> "Daily price with " + p.id() + " at " + p.devices().min() + " devices").orElse("Daily price")).alignRight();
        options.column("Bundle");
        options.column("Priced by");
        for (CatalogOption option : catalog.options(seller)) {
            String price = smallest.map(p -> optionPrice(seller, p, option, in)).orElse("no package on sale");
            options.addRow().addContent(option.id(), option.name(), price, option.providedBy(), catalog.pricedBy(seller, option.id()).orElse("-"));
        }
        options.print(System.out);
        return null;
    }

    private String optionPrice(TenantId seller, CatalogPackage base, CatalogOption option, Currency in) {
        try {
            Money without = pricing.dailyRate(seller, InstanceConfiguration.of(base.id(), base.devices().min(), Set.of()), in).total();
            Money with = pricing.dailyRate(seller, InstanceConfiguration.of(base.id(), base.devices().min(), Set.of(option.id())), in).total();
            return "+" + with.minus(without);
        } catch (InvalidConfigurationException e) {
            return "not on sale: " + e.getMessage();
        } catch (PricingUnavailableException e) {
            return "PLUGIN FAILING: '" + e.item() + "' cannot be priced (see the log)";
        }
    }

    private String price(TenantId seller, InstanceConfiguration configuration, Currency in) {
        try {
            return pricing.dailyRate(seller, configuration, in).total().toString();
        } catch (InvalidConfigurationException e) {
            return "not on sale";
        } catch (PricingUnavailableException e) {
            return "PLUGIN FAILING: '" + e.item() + "' cannot be priced (see the log)";
        }
    }
}
