package org.dmscloud.shell.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;

@Service
@Command(scope = "dms", name = "instance-quote", description = "What a change to an instance would charge or credit right now, by the billing rules; changes nothing")
public class InstanceQuoteCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "The instance id")
    @Completion(InstanceIdCompleter.class)
    String instance;

    @Argument(index = 1, name = "action", required = true, description = "enable, delete or settings")
    String action;

    @Option(name = "--package", description = "With settings: the package (default: the instance's)")
    String packageId;

    @Option(name = "--devices", description = "With settings: the expected CPE devices (default: the instance's)")
    Long devices;

    @Option(name = "--options", description = "With settings: the add-on option ids, separated by commas ('' for none; default: the instance's)")
    String options;

    @Reference
    InstanceAdministration instances;

    @Reference
    QuoteService quotes;

    @Override
    public Object execute() {
        Instance found = InstanceText.existing(instances, instance);
        Quote quote = switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "enable" -> quotes.quoteEnable(found.account(), found.id());
            case "delete" -> quotes.quoteDelete(found.account(), found.id());
            case "settings" -> quotes.quoteChangeSettings(found.account(), found.id(), settings(found.configuration()));
            default -> throw new IllegalArgumentException("'" + action + "' is no action to quote: say enable, delete or settings");
        };
        System.out.println("Quote:     " + quote.id() + " (" + quote.action() + ", rule " + quote.rule() + "), valid until " + quote.expiresAt());
        System.out.println("Amount:    " + quote.amount() + (quote.amount().isNegative() ? " (a charge)" : quote.amount().isPositive() ? " (a credit)" : " (free)")
                + quote.periodStart().map(start -> " for " + start + " to " + quote.periodEnd().orElseThrow()).orElse(""));
        System.out.println("Rate:      " + quote.dailyRate().total() + " a day after the change, " + quote.paidRate() + " paid now");
        for (PriceComponent component : quote.dailyRate().components()) {
            System.out.println("           " + component.amount() + "  " + component.label());
        }
        return null;
    }

    private InstanceConfiguration settings(InstanceConfiguration current) {
        Set<String> optionIds = options == null ? current.optionIds()
                : Arrays.stream(options.split(",")).map(String::trim).filter(o -> !o.isEmpty()).collect(Collectors.toSet());
        return InstanceConfiguration.of(packageId == null ? current.packageId() : packageId.trim(),
                devices == null ? current.expectedDevices() : devices, optionIds);
    }
}
