package org.dmscloud.rest.internal;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.billing.BalanceService;
import org.dmscloud.api.customer.Customer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/account}: the signed-in customer's account, its balance and its ledger. */
@Component(service = AccountResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("account")
@Tag(name = "Account", description = "The signed-in customer's account, balance and ledger")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class AccountResource {

    private static final int MAX_PAGE = 100;

    @Reference
    AccountService accounts;

    @Reference
    BalanceService balances;

    @Context
    SecurityContext security;

    public record AccountView(@Schema(format = "uuid") String id, String displayName, String currency, MoneyView balance,
            @Schema(format = "email") String email, String name, String company) {
    }

    /**
     * A page of the ledger, newest first.
     *
     * @param nextBefore the {@code before} of the next (older) page; null on the last page
     */
    public record LedgerPage(List<Views.LedgerEntryView> entries, @Schema(nullable = true) Long nextBefore) {
    }

    @GET
    public AccountView account() {
        Customer customer = CustomerPrincipal.of(security);
        Account account = accounts.find(customer.account()).orElseThrow(() -> new AccountNotFoundException(customer.account()));
        return new AccountView(account.id().toString(), account.displayName(), account.balance().currencyCode(),
                MoneyView.of(account.balance()), customer.email(), customer.name(), customer.company());
    }

    @GET
    @Path("ledger")
    public LedgerPage ledger(@QueryParam("before") String beforeParameter, @QueryParam("limit") @DefaultValue("20") String limitParameter) {
        long before = QueryParameters.positiveLong("before", beforeParameter, Long.MAX_VALUE);
        int limit = QueryParameters.limit(limitParameter, 20, MAX_PAGE);
        Customer customer = CustomerPrincipal.of(security);
        List<Views.LedgerEntryView> entries = balances.ledger(customer.account(), before, limit + 1).stream()
                .map(Views.LedgerEntryView::of).toList();
        boolean more = entries.size() > limit;
        List<Views.LedgerEntryView> page = more ? entries.subList(0, limit) : entries;
        return new LedgerPage(page, more ? page.get(page.size() - 1).id() : null);
    }
}
