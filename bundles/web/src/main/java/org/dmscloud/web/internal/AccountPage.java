package org.dmscloud.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.servlet.Servlet;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.billing.BalanceCoverage;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.billing.Coverage;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /account}: the signed-in customer's profile page. The balance and how many more days it covers at today's
 * rates, and the ledger, each entry with its period and its rate's lines, newest first, a page at a time.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-account")
@HttpWhiteboardServletPattern(AccountPage.PATH)
public class AccountPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/account";
    static final int LEDGER_PAGE = 20;

    private final transient AccountService accounts;
    private final transient BalanceService balances;
    private final transient BalanceCoverage coverage;

    @Activate
    public AccountPage(@Reference CustomerAuth customers, @Reference AccountService accounts, @Reference BalanceService balances,
            @Reference BalanceCoverage coverage) {
        super(customers);
        this.accounts = accounts;
        this.balances = balances;
        this.coverage = coverage;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        if (visit.customer().isEmpty()) {
            visit.redirect(SignInPage.signInFor(PATH));
            return;
        }
        Customer customer = visit.customer().orElseThrow();
        Account account = accounts.find(customer.account()).orElseThrow(() -> new AccountNotFoundException(customer.account()));
        Locale locale = visit.texts.locale();
        long before = before(visit.field("before"));
        List<LedgerEntry> entries = balances.ledger(account.id(), before, LEDGER_PAGE + 1);
        boolean more = entries.size() > LEDGER_PAGE;
        List<LedgerEntry> shown = more ? entries.subList(0, LEDGER_PAGE) : entries;
        String older = more ? PATH + "?before=" + shown.get(shown.size() - 1).id() + "#ledger" : "";
        visit.render(200, "account.jte", new AccountView(visit.page(visit.texts.get("account.title")), customer.name(), customer.email(),
                customer.company(), MoneyFormat.format(account.balance(), locale), coverage(coverage.coverage(account.id()), visit.texts),
                shown.stream().map(entry -> line(entry, visit.texts)).toList(), older), PageRenderer.Caching.PERSONAL);
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
        return new AccountView.LedgerLine(dateTime(entry.createdAt(), locale), entry.description(), period, MoneyFormat.format(entry.amount(), locale),
                !entry.amount().isNegative(), MoneyFormat.format(entry.balanceAfter(), locale),
                entry.breakdown().stream().map(c -> new AccountView.PriceLine(c.label(), MoneyFormat.format(c.amount(), locale))).toList());
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", locale).withZone(ZoneOffset.UTC).format(instant);
    }

    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", locale).withZone(ZoneOffset.UTC).format(instant);
    }

    /** The ledger page's {@code before}: an entry id; anything else shows the newest entries. */
    private static long before(String parameter) {
        try {
            long before = Long.parseLong(parameter);
            return before > 0 ? before : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
