package org.dmscloud.web.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BalanceCoverage;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.Coverage;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.api.payment.TopUpService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the account page shows, from the same services as the API: the account and its balance, how many more days
 * it covers, the ways to top it up with the latest top-ups, and a page of the ledger. Also the words every page
 * uses for amounts, instants and top-ups.
 */
@Component(service = AccountOverview.class)
public class AccountOverview {

    static final int LEDGER_PAGE = 20;
    static final int TOP_UPS_SHOWN = 5;

    private final AccountService accounts;
    private final BalanceService balances;
    private final BalanceCoverage coverage;
    private final PaymentProviders providers;
    private final TopUpService topUps;

    @Activate
    public AccountOverview(@Reference AccountService accounts, @Reference BalanceService balances, @Reference BalanceCoverage coverage,
            @Reference PaymentProviders providers, @Reference TopUpService topUps) {
        this.accounts = accounts;
        this.balances = balances;
        this.coverage = coverage;
        this.providers = providers;
        this.topUps = topUps;
    }

    Account account(Customer customer) {
        return accounts.find(customer.account()).orElseThrow(() -> new AccountNotFoundException(customer.account()));
    }

    /**
     * The account page.
     *
     * @param before the ledger page: entries older than this id
     * @param forms  the page's forms as the customer left them (empty at first)
     * @param notice what the page says first; may be empty
     */
    AccountView view(Visit visit, Customer customer, long before, AccountForms forms, String notice) {
        Texts texts = visit.texts;
        Locale locale = texts.locale();
        Account account = account(customer);
        List<LedgerEntry> entries = balances.ledger(account.id(), before, LEDGER_PAGE + 1);
        boolean more = entries.size() > LEDGER_PAGE;
        List<LedgerEntry> shown = more ? entries.subList(0, LEDGER_PAGE) : entries;
        String older = more ? AccountPage.PATH + "?before=" + shown.get(shown.size() - 1).id() + "#ledger" : "";
        TopUpForm form = new TopUpForm(account.balance().currencyCode(), ways(visit, account), forms.topUp(), UUID.randomUUID().toString(), forms.topUpError(),
                TopUpForm.countries(locale));
        return new AccountView(visit.page(texts.get("account.title")), customer.name(), customer.email(), customer.company(),
                MoneyFormat.format(account.balance(), locale), coverage(coverage.coverage(account.id()), texts), form,
                topUps.list(account.id(), TOP_UPS_SHOWN).stream().map(topUp -> topUpLine(topUp, visit)).toList(),
                shown.stream().map(entry -> line(entry, texts)).toList(), older, forms.password(), notice);
    }

    /** The smallest top-up any way to pay this tenant offers takes in the currency, if there is a way. */
    Optional<Money> smallestTopUp(TenantId tenant, java.util.Currency currency) {
        return providers.providers(tenant).stream().filter(PaymentProviderInfo::available)
                .flatMap(provider -> providers.limits(tenant, provider.id(), currency).stream()).map(TopUpLimits::minimum)
                .min(Money::compareTo);
    }

    /** The ways to pay this tenant offers in the account's currency, each with its limits. */
    private List<TopUpForm.Provider> ways(Visit visit, Account account) {
        return providers.providers(visit.tenant.id()).stream().filter(PaymentProviderInfo::available).flatMap(provider -> {
            Optional<TopUpLimits> limits = providers.limits(visit.tenant.id(), provider.id(), account.balance().currency());
            return limits.stream().map(l -> new TopUpForm.Provider(provider.id(), provider.displayName(), provider.needsBillingDetails(),
                    visit.texts.format("topUp.limits", MoneyFormat.format(l.minimum(), visit.texts.locale()),
                            MoneyFormat.format(l.maximum(), visit.texts.locale()))));
        }).toList();
    }

    TopUpLine topUpLine(TopUp topUp, Visit visit) {
        Locale locale = visit.texts.locale();
        String provider = providers.find(visit.tenant.id(), topUp.providerId()).map(PaymentProviderInfo::displayName).orElse(topUp.providerId());
        return new TopUpLine(topUp.id().toString(), dateTime(topUp.createdAt(), locale), provider, MoneyFormat.format(topUp.amount(), locale),
                visit.texts.get("topUp.status." + topUp.status().name()));
    }

    /** "Covers N more days" in words: the days, the daily total, and the day the balance runs out. */
    static String coverage(Coverage coverage, Texts texts) {
        if (coverage.days().isEmpty()) {
            return texts.get("account.coverage.none");
        }
        return texts.format("account.coverage", coverage.days().getAsLong(), MoneyFormat.format(coverage.dailyTotal(), texts.locale()),
                coverage.enabledInstances(), date(coverage.fundedUntil().orElseThrow(), texts.locale()));
    }

    static AccountView.LedgerLine line(LedgerEntry entry, Texts texts) {
        Locale locale = texts.locale();
        String period = entry.periodStart().isPresent() && entry.periodEnd().isPresent()
                ? texts.format("account.ledger.period", dateTime(entry.periodStart().get(), locale), dateTime(entry.periodEnd().get(), locale))
                : "";
        return new AccountView.LedgerLine(dateTime(entry.createdAt(), locale), BillingRuleTexts.explainCited(texts, entry.customerDescription()), period, MoneyFormat.format(entry.amount(), locale),
                !entry.amount().isNegative(), MoneyFormat.format(entry.balanceAfter(), locale),
                entry.breakdown().stream().map(c -> new AccountView.PriceLine(c.label(), MoneyFormat.format(c.amount(), locale))).toList());
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", locale).withZone(ZoneOffset.UTC).format(instant);
    }

    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", locale).withZone(ZoneOffset.UTC).format(instant);
    }
}
