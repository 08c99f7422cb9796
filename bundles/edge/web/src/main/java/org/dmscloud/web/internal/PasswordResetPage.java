package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;

import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.InvalidTokenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /password-reset}: without a token, the form that asks for the mail with a reset link; with the link's
 * token, the form for the new password, which signs the customer out everywhere (the service does).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-password-reset")
@HttpWhiteboardServletPattern(PasswordResetPage.PATH)
public class PasswordResetPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/password-reset";

    private final transient CustomerAuth customers;

    @Activate
    public PasswordResetPage(@Reference CustomerAuth customers) {
        super(customers);
        this.customers = customers;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        String token = visit.field("token");
        if (token.isEmpty()) {
            visit.render(200, "password-reset.jte", new FormPage(visit.page(visit.texts.get("passwordReset.title")), Fields.empty(), ""),
                    PageRenderer.Caching.PERSONAL);
        } else {
            newPasswordForm(visit, 200, Fields.of(Map.of("token", token)));
        }
    }

    @Override
    protected void post(Visit visit) throws IOException {
        String token = visit.field("token");
        if (token.isEmpty()) {
            String email = visit.field("email");
            customers.requestPasswordReset(visit.tenant.id(), email);
            visit.message(200, visit.texts.get("passwordReset.title"), visit.texts.format("passwordReset.sent", email));
            return;
        }
        try {
            customers.resetPassword(visit.tenant.id(), token, visit.field("newPassword"));
            SessionCookie.forget(visit.http, visit.answer);
            SignInPage.show(visit, 200, Fields.empty(), visit.texts.get("passwordNew.done"));
        } catch (InvalidTokenException e) {
            visit.render(400, "link-invalid.jte", new Message(visit.page(visit.texts.get("linkInvalid.title")), visit.texts.get("linkInvalid.reset")),
                    PageRenderer.Caching.PERSONAL);
        } catch (InvalidInputException e) {
            newPasswordForm(visit, 400, new Fields(Map.of("token", token), e.fields()));
        }
    }

    private static void newPasswordForm(Visit visit, int status, Fields fields) throws IOException {
        visit.render(status, "password-new.jte", new FormPage(visit.page(visit.texts.get("passwordNew.title")), fields, ""), PageRenderer.Caching.PERSONAL);
    }
}
