package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.SignInRefusedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The account page's security forms: {@code POST /account/password} changes the password (the current one first,
 * with the sign-in limits; every other session ends), {@code POST /account/sign-out-everywhere} ends every session.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-account-security")
@HttpWhiteboardServletPattern({ AccountSecurityPages.PASSWORD, AccountSecurityPages.EVERYWHERE })
public class AccountSecurityPages extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD = "/account/password";
    static final String EVERYWHERE = "/account/sign-out-everywhere";

    private final transient CustomerAuth customers;
    private final transient AccountOverview overview;

    @Activate
    public AccountSecurityPages(@Reference CustomerAuth customers, @Reference AccountOverview overview) {
        super(customers);
        this.customers = customers;
        this.overview = overview;
    }

    @Override
    protected boolean forCustomers() {
        return true;
    }

    @Override
    protected void post(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        String session = SessionCookie.token(visit.http);
        if (EVERYWHERE.equals(visit.path())) {
            customers.signOutEverywhere(visit.tenant.id(), session);
            SessionCookie.forget(visit.http, visit.answer);
            visit.redirect(SignInPage.SIGN_IN + "?done=everywhere");
            return;
        }
        try {
            customers.changePassword(visit.tenant.id(), session, visit.field("currentPassword"), visit.field("newPassword"),
                    PortalRequest.clientAddress(visit.http));
            visit.redirect(AccountPage.PATH + "?done=password");
        } catch (InvalidInputException e) {
            passwordForm(visit, customer, 400, e.fields());
        } catch (SignInRefusedException e) {
            e.retryAfter().ifPresent(wait -> visit.answer.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
            passwordForm(visit, customer, e.retryAfter().isPresent() ? 429 : 400, Map.of("currentPassword", e.getMessage()));
        }
    }

    private void passwordForm(Visit visit, Customer customer, int status, Map<String, String> errors) throws IOException {
        visit.render(status, "account.jte", overview.view(visit, customer, Long.MAX_VALUE, AccountForms.password(new Fields(Map.of(), errors)), ""),
                PageRenderer.Caching.PERSONAL);
    }
}
