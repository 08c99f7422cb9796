package org.dmscloud.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /account}: the signed-in customer's profile page. The balance and how many more days it covers at today's
 * rates, the Update Account Balance form with the latest top-ups, and the ledger, each entry with its period and
 * its rate's lines, newest first, a page at a time.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-account")
@HttpWhiteboardServletPattern(AccountPage.PATH)
public class AccountPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/account";

    private final transient AccountOverview overview;

    @Activate
    public AccountPage(@Reference CustomerAuth customers, @Reference AccountOverview overview) {
        super(customers);
        this.overview = overview;
    }

    @Override
    protected boolean forCustomers() {
        return true;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        Customer customer = visit.signedIn();
        String done = visit.field("done");
        String notice = done.equals("password") ? visit.texts.get("account.password.done") : "";
        visit.render(200, "account.jte", overview.view(visit, customer, before(visit.field("before")), AccountForms.none(), notice),
                PageRenderer.Caching.PERSONAL);
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
