package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpFailedException;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpService;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The Update Account Balance form's work, through the same top-up service as the API: {@code POST /account/top-ups}
 * starts a top-up and sends the customer on to pay it (Stripe Checkout for a card) or to its page (a bank transfer's
 * details and invoice); {@code /account/top-ups/<id>} is that page, where the card payment's page comes back to,
 * showing the status as it changes; {@code .../cancel} stops an open one; {@code .../documents/<number>} downloads
 * its invoice.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-top-ups")
@HttpWhiteboardServletPattern({ TopUpPages.PATH, TopUpPages.PATH + "/*" })
public class TopUpPages extends PortalPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopUpPages.class);

    private static final long serialVersionUID = 1L;
    static final String PATH = "/account/top-ups";
    private static final Pattern ADDRESS = Pattern.compile(Pattern.quote(PATH) + "/([0-9a-fA-F-]{36})(/cancel|/documents/([A-Za-z0-9._-]{1,64}))?");
    /** The top-up page's {@code go} that sends the browser on to the payment page. */
    private static final String GO_PAY = "payment-page";

    private final transient AccountOverview overview;
    private final transient TopUpService topUps;
    private final transient PaymentProviders providers;
    private final transient TopUpAdministration settlement;
    private final transient Map<TopUpId, Long> lastAsked = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long ASK_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_REMEMBERED = 10_000;

    @Activate
    public TopUpPages(@Reference CustomerAuth customers, @Reference AccountOverview overview, @Reference TopUpService topUps,
            @Reference PaymentProviders providers, @Reference TopUpAdministration settlement) {
        super(customers);
        this.overview = overview;
        this.topUps = topUps;
        this.providers = providers;
        this.settlement = settlement;
    }

    @Override
    protected boolean forCustomers() {
        return true;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        Matcher address = ADDRESS.matcher(visit.path());
        Optional<TopUp> topUp = address.matches() ? find(customer, address.group(1)) : Optional.empty();
        if (topUp.isEmpty() || "/cancel".equals(address.group(2))) {
            notFound(visit);
        } else if (address.group(3) != null) {
            download(visit, customer, topUp.get(), address.group(3));
        } else {
            TopUp current = "paid".equals(visit.field("back")) ? askedOfItsProvider(customer, topUp.get()) : topUp.get();
            show(visit, customer, current, 200, notice(visit, current));
        }
    }

    /**
     * Back from paying: the provider is asked where the payment stands (as its webhook and the reconciliation would tell),
     * so that a paid top-up is credited when the customer looks rather than minutes later. Crediting is once whoever
     * asks; a provider that cannot answer now leaves the page saying the payment is being confirmed.
     */
    private TopUp askedOfItsProvider(Customer customer, TopUp topUp) {
        if (!topUp.status().isOpen() || !mayAsk(topUp.id())) {
            return topUp;
        }
        try {
            settlement.reconcile(topUp.id());
        } catch (RuntimeException notNow) {
            LOG.info("Top-up {} could not be checked with its provider on the customer's return: {}", topUp.id(), notNow.toString());
        }
        return topUps.find(customer.account(), topUp.id()).orElse(topUp);
    }

    /**
     * At most one question to the provider per top-up every few seconds on this node, however often its page is reloaded:
     * a customer reloading in a loop must not make the platform hammer the provider's API, nor hold the server's threads
     * waiting for it.
     */
    private boolean mayAsk(TopUpId topUp) {
        long now = System.nanoTime();
        if (lastAsked.size() > MAX_REMEMBERED) {
            lastAsked.clear(); // forgetting costs at most one more question each
        }
        boolean[] ask = { false };
        lastAsked.compute(topUp, (id, before) -> {
            ask[0] = before == null || now - before >= ASK_EVERY_NANOS;
            return ask[0] ? now : before; // a reload meanwhile does not put the next question off
        });
        return ask[0];
    }

    @Override
    protected void post(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        if (PATH.equals(visit.path())) {
            start(visit, customer);
            return;
        }
        Matcher address = ADDRESS.matcher(visit.path());
        Optional<TopUp> topUp = address.matches() && "/cancel".equals(address.group(2)) ? find(customer, address.group(1)) : Optional.empty();
        if (topUp.isEmpty()) {
            notFound(visit);
            return;
        }
        TopUp open = topUp.get();
        boolean invoiced = topUps.documents(customer.account(), open.id()).stream().anyMatch(d -> "invoice".equals(d.kind()));
        if ((invoiced || !open.received().isZero()) && !"confirm".equals(visit.field("step"))) {
            // Partly paid, or invoiced: asked once more, saying what stays and what is no longer expected.
            Texts texts = visit.texts;
            String href = PATH + "/" + open.id();
            visit.render(200, "confirm.jte", new InstanceViews.ConfirmView(visit.page(texts.get("topUp.cancel.title")), href + "/cancel",
                    texts.format("topUp.cancel.effect", MoneyFormat.format(open.received(), texts.locale()),
                            MoneyFormat.format(open.amount(), texts.locale()), MoneyFormat.format(open.amount().minus(open.received()), texts.locale())),
                    "", "", List.of(), Map.of(), texts.get("topUp.cancel"), href, "", "", ""), PageRenderer.Caching.PERSONAL);
            return;
        }
        try {
            topUps.cancel(customer.account(), open.id());
            visit.redirect(PATH + "/" + open.id());
        } catch (TopUpStateException e) {
            show(visit, customer, find(customer, address.group(1)).orElseThrow(), 409, e.getMessage());
        }
    }

    private void start(Visit visit, Customer customer) throws IOException {
        Map<String, String> values = visit.fields("amount", "provider", "billingDetails.name", "billingDetails.company", "billingDetails.address",
                "billingDetails.country", "billingDetails.vatId", "requestKey");
        Account account = overview.account(customer);
        Optional<PaymentProviderInfo> provider = providers.find(visit.tenant.id(), values.get("provider"));
        Money amount;
        try {
            amount = Money.of(values.get("amount").trim().replace(',', '.'), account.balance().currencyCode());
        } catch (IllegalArgumentException notAnAmount) {
            topUpForm(visit, customer, 400, new Fields(values, Map.of("amount", visit.texts.format("topUp.error.amount", account.balance().currencyCode()))), "");
            return;
        }
        if (provider.isEmpty()) {
            topUpForm(visit, customer, 400, new Fields(values, Map.of("provider", visit.texts.get("topUp.error.provider"))), "");
            return;
        }
        Optional<BillingDetails> details = provider.get().needsBillingDetails()
                ? Optional.of(new BillingDetails(values.get("billingDetails.name"), values.get("billingDetails.company"), values.get("billingDetails.address"),
                        values.get("billingDetails.country"), values.get("billingDetails.vatId")))
                : Optional.empty();
        String key = "web-" + visit.requestKey();
        try {
            TopUp started = topUps.start(account.id(), customer.email(), new NewTopUp(provider.get().id(), amount, details, Optional.of(key)));
            // Not straight to the payment page: a redirect to another site after a post breaks the pages' CSP (form-action
            // 'self'), so the top-up's own page sends the browser on.
            visit.redirect(PATH + "/" + started.id() + (started.paymentPage().isPresent() ? "?go=" + GO_PAY : ""));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>(e.fields());
            // An amount outside the way's limits, said in the page's own money format ("€5.00", as beside the way to pay).
            providers.limits(visit.tenant.id(), provider.get().id(), amount.currency()).filter(l -> errors.containsKey("amount"))
                    .filter(l -> amount.isLessThan(l.minimum()) || amount.isGreaterThan(l.maximum()))
                    .ifPresent(l -> errors.put("amount", visit.texts.format("topUp.error.limits", MoneyFormat.format(l.minimum(), visit.texts.locale()),
                            MoneyFormat.format(l.maximum(), visit.texts.locale()), provider.get().displayName())));
            topUpForm(visit, customer, 400, new Fields(values, errors), "");
        } catch (PaymentProviderUnavailableException | TopUpFailedException e) {
            topUpForm(visit, customer, 503, Fields.of(values), e.getMessage());
        } catch (IdempotencyKeyReusedException e) {
            topUpForm(visit, customer, 409, Fields.of(values), visit.texts.get("topUp.error.resent"));
        }
    }

    /** The account page again, with the form as the customer left it and what is wrong with it. */
    private void topUpForm(Visit visit, Customer customer, int status, Fields fields, String error) throws IOException {
        visit.render(status, "account.jte", overview.view(visit, customer, Long.MAX_VALUE, AccountForms.topUp(fields, error), ""),
                PageRenderer.Caching.PERSONAL);
    }

    private void show(Visit visit, Customer customer, TopUp topUp, int status, String notice) throws IOException {
        Texts texts = visit.texts;
        boolean open = topUp.status().isOpen();
        // Back from paying, not confirmed yet: the page offers to look again, not to pay or cancel what may be paid already.
        boolean confirming = open && ("paid".equals(visit.field("back")) || topUp.status() == TopUpStatus.STARTING);
        String paymentPage = open && !confirming ? topUp.paymentPage().map(Object::toString).orElse("") : "";
        String received = topUp.received().isZero() ? "" : MoneyFormat.format(topUp.received(), texts.locale());
        String owed = open && !confirming ? MoneyFormat.format(topUp.amount().minus(topUp.received()), texts.locale()) : "";
        TopUpLine line = overview.topUpLine(topUp, visit);
        boolean goPay = !paymentPage.isEmpty() && GO_PAY.equals(visit.field("go"));
        List<TopUpDocument> issued = topUps.documents(customer.account(), topUp.id());
        List<TopUpView.Document> documents = issued.stream()
                .map(d -> new TopUpView.Document(texts.has("topUp.document." + d.kind()) ? texts.format("topUp.document." + d.kind(), d.number())
                        : texts.format("topUp.document", d.kind(), d.number()), line.href() + "/documents/" + d.number()))
                .toList();
        // Once its invoice is issued, the invoice is how to pay it, not the promise of one made when it started.
        String instructions = issued.stream().filter(d -> "invoice".equals(d.kind())).findFirst()
                .map(invoice -> texts.format("topUp.payInvoice", invoice.number(), owed)).orElse(topUp.instructions());
        TopUpLine shown = confirming ? new TopUpLine(line.id(), line.date(), line.provider(), line.amount(), texts.get("topUp.status.confirming"))
                : line;
        visit.render(status, "top-up.jte", new TopUpView(visit.page(texts.format("topUp.title", line.amount())), shown, received, owed, instructions,
                paymentPage, open, confirming, goPay, goPay ? texts.get("topUp.going") : notice, documents), PageRenderer.Caching.PERSONAL);
    }

    /** What the page says first: coming back from the card payment page, paid or not. */
    private static String notice(Visit visit, TopUp topUp) {
        if (!topUp.status().isOpen()) {
            return "";
        }
        return switch (visit.field("back")) {
        case "paid" -> visit.texts.get("topUp.back.paid");
        case "left" -> visit.texts.get("topUp.back.left");
        default -> "";
        };
    }

    private void download(Visit visit, Customer customer, TopUp topUp, String number) throws IOException {
        Optional<DocumentFile> file = topUps.document(customer.account(), topUp.id(), number);
        if (file.isEmpty()) {
            notFound(visit);
            return;
        }
        visit.answer.setStatus(200);
        visit.answer.setContentType(file.get().document().contentType());
        visit.answer.setHeader("Content-Disposition", "attachment; filename=\"" + file.get().document().fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        visit.answer.setHeader("Cache-Control", "no-store");
        visit.answer.setHeader("X-Content-Type-Options", "nosniff");
        visit.answer.setContentLength(file.get().content().length);
        visit.answer.getOutputStream().write(file.get().content());
    }

    private Optional<TopUp> find(Customer customer, String id) {
        try {
            return topUps.find(customer.account(), TopUpId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
