package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.acs.AcsService;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteMismatchException;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.deployment.DeploymentState;
import org.dmscloud.api.deployment.DeploymentStatus;
import org.dmscloud.api.deployment.Deployments;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.instance.InstanceService;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.instance.NewInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The customer's instances, through the same services as the API: {@code /instances} lists them; {@code /instances/new}
 * creates one; {@code /instances/<id>} shows one, with its settings, enable, disable and delete, and
 * {@code /instances/<id>/devices} its CPE devices ({@link DevicePages}). Every action that
 * changes the balance shows its quote first (what it charges or gives back now, and the daily rate afterwards, line by
 * line) and is done only when the customer confirms; the action then carries the quote, so that it is refused
 * rather than done at another price (R11).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-instances")
@HttpWhiteboardServletPattern({ InstancePages.PATH, InstancePages.PATH + "/*" })
public class InstancePages extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/instances";
    static final String NEW = PATH + "/new";
    private static final Pattern ADDRESS = Pattern.compile(Pattern.quote(PATH) + "/([0-9a-fA-F-]{36})(?:/(settings|enable|disable|delete|devices|devices/credentials))?");
    private static final String CONFIRM = "confirm";
    private static final int NAME_LENGTH = 100;

    private final transient InstanceService instances;
    private final transient QuoteService quotes;
    private final transient Catalog catalog;
    private final transient PriceCalculator calculator;
    private final transient AccountOverview overview;
    private final transient DevicePages devices;
    private final transient Deployments deployments;

    @Activate
    public InstancePages(@Reference CustomerAuth customers, @Reference InstanceService instances, @Reference QuoteService quotes,
            @Reference Catalog catalog, @Reference Pricing pricing, @Reference AccountOverview overview, @Reference AcsService acs,
            @Reference Deployments deployments) {
        super(customers);
        this.instances = instances;
        this.quotes = quotes;
        this.catalog = catalog;
        this.calculator = new PriceCalculator(pricing);
        this.overview = overview;
        this.devices = new DevicePages(acs);
        this.deployments = deployments;
    }

    @Override
    protected boolean forCustomers() {
        return true;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        Account account = overview.account(customer);
        if (PATH.equals(visit.path())) {
            list(visit, account);
            return;
        }
        if (NEW.equals(visit.path())) {
            configurationForm(visit, account, 200, true, Fields.of(Map.of("enabled", "on")), Optional.empty());
            return;
        }
        Matcher address = ADDRESS.matcher(visit.path());
        Optional<Instance> instance = address.matches() ? find(account, address.group(1)) : Optional.empty();
        if (instance.isEmpty() || address.group(2) != null && !address.group(2).matches("settings|devices")) {
            notFound(visit);
        } else if ("settings".equals(address.group(2))) {
            configurationForm(visit, account, 200, false, Fields.empty(), instance);
        } else if ("devices".equals(address.group(2))) {
            devices.show(visit, account, instance.get(), row(visit, account, instance.get()), "", false);
        } else {
            visit.render(200, "instance.jte", new InstanceViews.DetailView(visit.page(instance.get().name()), row(visit, account, instance.get()),
                    deployment(visit, instance.get()), doneNotice(visit)), PageRenderer.Caching.PERSONAL);
        }
    }

    @Override
    protected void post(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        Account account = overview.account(customer);
        if (NEW.equals(visit.path())) {
            try {
                create(visit, account);
            } catch (InvalidConfigurationException notPriced) {
                visit.message(409, visit.texts.get("instances.new.title"), notPriced.getMessage());
            }
            return;
        }
        Matcher address = ADDRESS.matcher(visit.path());
        Optional<Instance> instance = address.matches() && address.group(2) != null ? find(account, address.group(1)) : Optional.empty();
        if (instance.isEmpty()) {
            notFound(visit);
            return;
        }
        try {
            switch (address.group(2)) {
            case "settings" -> changeSettings(visit, account, instance.get());
            case "enable" -> enable(visit, account, instance.get());
            case "disable" -> disable(visit, account, instance.get());
            case "devices/credentials" -> devices.newPassword(visit, account, instance.get(), row(visit, account, instance.get()));
            case "devices" -> notFound(visit);
            default -> delete(visit, account, instance.get());
            }
        } catch (InstanceNotFoundException gone) {
            notFound(visit);
        } catch (InvalidConfigurationException notPriced) {
            // Its package or an option is no longer on sale (R12), or cannot be priced: said, not a server error.
            visit.message(409, instance.get().name(), notPriced.getMessage());
        }
    }

    private void list(Visit visit, Account account) throws IOException {
        List<InstanceViews.Row> rows = instances.list(account.id()).stream().filter(i -> i.state() != InstanceState.DELETED)
                .map(instance -> row(visit, account, instance)).toList();
        visit.render(200, "instances.jte", new InstanceViews.ListView(visit.page(visit.texts.get("instances.title")), rows, doneNotice(visit)),
                PageRenderer.Caching.PERSONAL);
    }

    private void create(Visit visit, Account account) throws IOException {
        String name = visit.field("name").strip();
        boolean enabled = !visit.field("enabled").isEmpty();
        Calculation calculation = calculate(visit, account);
        Map<String, String> errors = new LinkedHashMap<>(calculation.errors());
        try {
            new Inputs().text("name", name, 1, NAME_LENGTH, "a name").check(); // the API's rule for a name
        } catch (InvalidInputException e) {
            errors.putAll(e.fields());
        }
        if (!errors.isEmpty() || !calculation.priced()) {
            configurationForm(visit, account, 400, true, new Fields(visit.fields("name", "enabled", "requestKey"), errors), Optional.empty());
            return;
        }
        InstanceConfiguration configuration = configuration(calculation);
        Map<String, List<String>> carried = carried(visit, calculation);
        carried.put("name", List.of(name));
        if (enabled) {
            carried.put("enabled", List.of("on"));
        }
        if (!CONFIRM.equals(visit.field("step"))) {
            confirm(visit, account, NEW, quotes.quoteCreate(account.id(), configuration, enabled), carried, "instances.create.confirm", PATH, "", 200);
            return;
        }
        try {
            InstanceChange change = instances.create(account.id(), new NewInstance(name, configuration, enabled), actionOptions(visit));
            visit.redirect(PATH + "/" + change.instance().id() + "?done=created");
        } catch (InsufficientFundsException | QuoteMismatchException | IdempotencyKeyReusedException e) {
            confirm(visit, account, NEW, quotes.quoteCreate(account.id(), configuration, enabled), carried, "instances.create.confirm", PATH, refusal(visit, e),
                    status(e));
        } catch (InvalidConfigurationException e) {
            configurationForm(visit, account, 400, true, new Fields(visit.fields("name", "enabled"), Map.of("form", e.getMessage())), Optional.empty());
        }
    }

    private void changeSettings(Visit visit, Account account, Instance instance) throws IOException {
        String action = PATH + "/" + instance.id() + "/settings";
        Calculation calculation = calculate(visit, account);
        if (!calculation.errors().isEmpty() || !calculation.priced()) {
            configurationForm(visit, account, 400, false, new Fields(Map.of(), calculation.errors()), Optional.of(instance));
            return;
        }
        InstanceConfiguration configuration = configuration(calculation);
        Map<String, List<String>> carried = carried(visit, calculation);
        if (!CONFIRM.equals(visit.field("step"))) {
            confirm(visit, account, action, quotes.quoteChangeSettings(account.id(), instance.id(), configuration), carried, "instances.settings.confirm",
                    action, "", 200, now(visit, account, instance));
            return;
        }
        try {
            instances.changeSettings(account.id(), instance.id(), configuration, actionOptions(visit));
            visit.redirect(PATH + "/" + instance.id() + "?done=changed");
        } catch (InsufficientFundsException | QuoteMismatchException | IdempotencyKeyReusedException e) {
            confirm(visit, account, action, quotes.quoteChangeSettings(account.id(), instance.id(), configuration), carried, "instances.settings.confirm",
                    action, refusal(visit, e), status(e), now(visit, account, instance));
        } catch (InvalidConfigurationException e) {
            configurationForm(visit, account, 400, false, new Fields(Map.of(), Map.of("form", e.getMessage())), Optional.of(instance));
        }
    }

    private void enable(Visit visit, Account account, Instance instance) throws IOException {
        String action = PATH + "/" + instance.id() + "/enable";
        Map<String, List<String>> carried = carried(visit, null);
        if (!CONFIRM.equals(visit.field("step"))) {
            confirm(visit, account, action, quotes.quoteEnable(account.id(), instance.id()), carried, "instances.enable.confirm", instance(instance), "", 200);
            return;
        }
        try {
            instances.enable(account.id(), instance.id(), actionOptions(visit));
            visit.redirect(instance(instance) + "?done=enabled");
        } catch (InsufficientFundsException | QuoteMismatchException | IdempotencyKeyReusedException e) {
            confirm(visit, account, action, quotes.quoteEnable(account.id(), instance.id()), carried, "instances.enable.confirm", instance(instance),
                    refusal(visit, e), status(e));
        }
    }

    /** R3: free, nothing given back; there is no quote, only the confirmation. */
    private void disable(Visit visit, Account account, Instance instance) throws IOException {
        if (!CONFIRM.equals(visit.field("step"))) {
            visit.render(200, "confirm.jte", new InstanceViews.ConfirmView(visit.page(visit.texts.format("instances.disable.title", instance.name())),
                    PATH + "/" + instance.id() + "/disable", visit.texts.format("instances.disable.effect", AccountOverview.dateTime(instance.paidUntil(),
                            visit.texts.locale())), BillingRuleTexts.explain(visit.texts, "R3"), "", List.of(), carried(visit, null), visit.texts.get("instances.disable.confirm"), instance(instance), "",
                    "", ""), PageRenderer.Caching.PERSONAL);
            return;
        }
        instances.disable(account.id(), instance.id(), actionOptions(visit));
        visit.redirect(instance(instance) + "?done=disabled");
    }

    private void delete(Visit visit, Account account, Instance instance) throws IOException {
        String action = PATH + "/" + instance.id() + "/delete";
        Map<String, List<String>> carried = carried(visit, null);
        if (!CONFIRM.equals(visit.field("step"))) {
            confirm(visit, account, action, quotes.quoteDelete(account.id(), instance.id()), carried, "instances.delete.confirm", instance(instance), "", 200);
            return;
        }
        try {
            instances.delete(account.id(), instance.id(), actionOptions(visit));
            visit.redirect(PATH + "?done=deleted");
        } catch (QuoteMismatchException | IdempotencyKeyReusedException e) {
            confirm(visit, account, action, quotes.quoteDelete(account.id(), instance.id()), carried, "instances.delete.confirm", instance(instance),
                    refusal(visit, e), status(e));
        }
    }

    /** The confirmation page of an action, with its quote; the confirmation sends the same fields again with the quote's id. */
    private void confirm(Visit visit, Account account, String action, Quote quote, Map<String, List<String>> carried, String confirmLabel, String back, String error,
            int status) throws IOException {
        confirm(visit, account, action, quote, carried, confirmLabel, back, error, status, "");
    }

    /** An instance's settings and rate now, for a change's confirmation to show beside what comes after. */
    private String now(Visit visit, Account account, Instance instance) {
        InstanceViews.Row row = row(visit, account, instance);
        return visit.texts.format("instances.settings.before", row.packageName(), row.devices(), row.options(), row.dailyRate());
    }

    /** @param before what stands before the action, said first; may be empty */
    private void confirm(Visit visit, Account account, String action, Quote quote, Map<String, List<String>> carried, String confirmLabel, String back,
            String error, int status, String before) throws IOException {
        Texts texts = visit.texts;
        Map<String, List<String>> hidden = new LinkedHashMap<>(carried);
        hidden.put("quoteId", List.of(quote.id().toString()));
        String amount = MoneyFormat.format(quote.amount().isNegative() ? quote.amount().negate() : quote.amount(), texts.locale());
        String period = quote.periodStart().isPresent() && quote.periodEnd().isPresent()
                ? texts.format("quote.period", AccountOverview.dateTime(quote.periodStart().get(), texts.locale()),
                        AccountOverview.dateTime(quote.periodEnd().get(), texts.locale()))
                : "";
        String effect = (before.isEmpty() ? "" : before + " ") + (quote.amount().isNegative() ? texts.format("quote.charge", amount, period)
                : quote.amount().isPositive() ? texts.format("quote.credit", amount, period) : texts.get("quote.free"));
        boolean billedDaily = quote.dailyRate().total().isPositive() && !"DELETE".equals(quote.action().name());
        String rate = billedDaily ? MoneyFormat.format(quote.dailyRate().total(), texts.locale()) : "";
        List<Calculation.PriceLine> lines = billedDaily ? quote.dailyRate().components().stream()
                .map(c -> new Calculation.PriceLine(c.label(), MoneyFormat.format(c.amount(), texts.locale()))).toList() : List.of();
        // The balance beside what it is asked to pay, and what to top up first when it is short: said before confirming.
        Money balance = account.balance();
        String shortfall = "";
        if (quote.amount().isNegative() && balance.isLessThan(quote.amount().negate())) {
            Money missing = quote.amount().negate().minus(balance);
            Optional<Money> smallest = overview.smallestTopUp(visit.tenant.id(), balance.currency()).filter(minimum -> minimum.isGreaterThan(missing));
            shortfall = smallest.isPresent()
                    ? texts.format("quote.shortBelowSmallest", MoneyFormat.format(missing, texts.locale()), MoneyFormat.format(smallest.get(), texts.locale()))
                    : texts.format("quote.short", MoneyFormat.format(missing, texts.locale()));
        }
        visit.render(status, "confirm.jte", new InstanceViews.ConfirmView(visit.page(texts.get(confirmLabel + ".title")), action, effect,
                BillingRuleTexts.explain(texts, quote.rule()), rate, lines, hidden, texts.get(confirmLabel), back, error,
                texts.format("quote.balance", MoneyFormat.format(balance, texts.locale())), shortfall), PageRenderer.Caching.PERSONAL);
    }

    private void configurationForm(Visit visit, Account account, int status, boolean create, Fields fields, Optional<Instance> instance)
            throws IOException {
        List<CatalogPackage> packages = packages(visit);
        List<CatalogOption> options = optionsOnSale(visit);
        Calculation calculation;
        if (visit.http.getParameter("package") != null) {
            calculation = calculate(visit, account);
        } else if (instance.isPresent()) {
            InstanceConfiguration current = instance.get().configuration();
            calculation = new Calculation(current.packageId(), Long.toString(current.expectedDevices()), current.optionIds(), Map.of(), List.of(), "");
        } else {
            calculation = calculator.calculate(Map.of(), visit.tenant.id(), account.balance().currency(), packages, options, visit.texts);
        }
        Fields withKey = fields.values().containsKey("requestKey") && !fields.value("requestKey").isEmpty() ? fields
                : new Fields(with(fields.values(), "requestKey", UUID.randomUUID().toString()), fields.errors());
        String title = create ? visit.texts.get("instances.new.title") : visit.texts.format("instances.settings.title", instance.orElseThrow().name());
        String formAction = create ? NEW : instance(instance.orElseThrow()) + "/settings";
        visit.render(status, "instance-form.jte", new InstanceViews.ConfigurationForm(visit.page(title), formAction, create, withKey, calculation,
                packages.stream().map(p -> new Landing.PackageOffer(p.id(), p.name(), p.description(),
                        visit.texts.format("packages.devices", p.devices().min(), p.devices().max()), "")).toList(),
                options.stream().map(o -> new Landing.OptionOffer(o.id(), o.name(), o.description())).toList(),
                create ? PATH : instance(instance.orElseThrow())), PageRenderer.Caching.PERSONAL);
    }

    InstanceViews.Row row(Visit visit, Account account, Instance instance) {
        Texts texts = visit.texts;
        InstanceConfiguration configuration = instance.configuration();
        String packageName = catalog.packages(visit.tenant.id()).stream().filter(p -> p.id().equals(configuration.packageId())).map(CatalogPackage::name)
                .findFirst().orElse(configuration.packageId());
        Map<String, String> optionNames = new LinkedHashMap<>();
        catalog.options(visit.tenant.id()).forEach(o -> optionNames.put(o.id(), o.name()));
        String options = configuration.optionIds().isEmpty() ? texts.get("instances.noOptions")
                : String.join(", ", configuration.optionIds().stream().map(id -> optionNames.getOrDefault(id, id)).toList());
        boolean enabled = instance.state() == InstanceState.ENABLED;
        String reason = enabled ? "" : instance.disableReason().map(r -> texts.get("instances.reason." + r.name())).orElse("");
        // Created disabled and never enabled, it has paid nothing: its rate is what enabling it would charge a day.
        boolean neverPaid = !instance.paidUntil().isAfter(instance.createdAt());
        String paidUntil = neverPaid ? texts.get("instances.neverPaid") : AccountOverview.dateTime(instance.paidUntil(), texts.locale());
        String dailyRate = neverPaid ? calculator.dailyRate(visit.tenant.id(), configuration, instance.paidRate().currency())
                .map(rate -> MoneyFormat.format(rate, texts.locale())).orElse("–") : MoneyFormat.format(instance.paidRate(), texts.locale());
        return new InstanceViews.Row(instance.id().toString(), instance.name(), packageName, texts.format("instances.devices", configuration.expectedDevices()),
                options, texts.get("instances.state." + instance.state().name()), enabled, reason, paidUntil, dailyRate);
    }

    private Calculation calculate(Visit visit, Account account) {
        return calculator.calculate(visit.http.getParameterMap(), visit.tenant.id(), account.balance().currency(), packages(visit), optionsOnSale(visit), visit.texts);
    }

    private List<CatalogPackage> packages(Visit visit) {
        return catalog.packages(visit.tenant.id()).stream().filter(CatalogPackage::priced).toList();
    }

    private List<CatalogOption> optionsOnSale(Visit visit) {
        return catalog.options(visit.tenant.id()).stream().filter(CatalogOption::priced).toList();
    }

    private static InstanceConfiguration configuration(Calculation calculation) {
        return InstanceConfiguration.of(calculation.packageId(), Long.parseLong(calculation.devices()), calculation.optionIds());
    }

    /** The fields an action's confirmation sends again: its configuration (if any) and its request key. */
    private static Map<String, List<String>> carried(Visit visit, Calculation calculation) {
        Map<String, List<String>> carried = new LinkedHashMap<>();
        carried.put("requestKey", List.of(visit.requestKey()));
        if (calculation != null) {
            carried.put("package", List.of(calculation.packageId()));
            carried.put("devices", List.of(calculation.devices()));
            carried.put("option", List.copyOf(calculation.optionIds()));
        }
        return carried;
    }

    /** The action's idempotency key (from its form, so that sending it twice acts once) and its quote. */
    private static ActionOptions actionOptions(Visit visit) {
        ActionOptions options = ActionOptions.withKey("web-" + visit.requestKey());
        try {
            return visit.field("quoteId").isEmpty() ? options : options.withQuote(UUID.fromString(visit.field("quoteId")));
        } catch (IllegalArgumentException notAQuote) {
            return options;
        }
    }

    private static String refusal(Visit visit, RuntimeException e) {
        if (e instanceof InsufficientFundsException) {
            return visit.texts.get("quote.insufficient");
        }
        if (e instanceof QuoteMismatchException) {
            return visit.texts.get("quote.changed");
        }
        if (e instanceof IdempotencyKeyReusedException) {
            return visit.texts.get("quote.resent");
        }
        return e.getMessage();
    }

    private static int status(RuntimeException e) {
        return e instanceof InsufficientFundsException ? 402 : 409;
    }

    /**
     * Where its deployment stands, in words: running, suspended, being made, or failing for a reason and tried again; and
     * right after the instance was enabled or disabled, before its deployment has followed (within seconds), that it is
     * starting or suspending rather than what it was.
     */
    private String deployment(Visit visit, Instance instance) {
        return deploymentWords(deployments.find(instance.id()), instance.state(), visit.texts);
    }

    static String deploymentWords(Optional<DeploymentStatus> status, InstanceState instance, Texts texts) {
        DeploymentState expected = instance == InstanceState.ENABLED ? DeploymentState.RUNNING : DeploymentState.SUSPENDED;
        if (status.isPresent() && (status.get().state() == DeploymentState.RUNNING || status.get().state() == DeploymentState.SUSPENDED)
                && status.get().state() != expected) {
            return texts.get(expected == DeploymentState.RUNNING ? "instances.deployment.starting" : "instances.deployment.suspending");
        }
        String state = status.map(s -> s.state().name()).orElse(DeploymentState.PROVISIONING.name());
        String words = texts.get("instances.deployment." + state);
        return status.flatMap(DeploymentStatus::reason).map(reason -> texts.format("instances.deployment.reason", words, reason)).orElse(words);
    }

    private static String doneNotice(Visit visit) {
        String done = visit.field("done");
        return done.matches("created|changed|enabled|disabled|deleted") ? visit.texts.get("instances.done." + done) : "";
    }

    private static String instance(Instance instance) {
        return PATH + "/" + instance.id();
    }

    private Optional<Instance> find(Account account, String id) {
        try {
            return instances.find(account.id(), InstanceId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }
}
