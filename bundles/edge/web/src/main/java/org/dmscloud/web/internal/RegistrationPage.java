package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.InvalidTokenException;
import org.dmscloud.api.customer.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /register}: registration, through the same service as the API's; {@code /verify}: the link of the
 * verification mail, which verifies the address and leads to the sign-in form; {@code /verification/resend}: "no
 * mail? send it again". As the FAQ says, registering again with the same address also sends a fresh link.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-registration")
@HttpWhiteboardServletPattern({ RegistrationPage.REGISTER, RegistrationPage.VERIFY, RegistrationPage.RESEND })
public class RegistrationPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String REGISTER = "/register";
    static final String VERIFY = "/verify";
    static final String RESEND = "/verification/resend";

    private final transient CustomerAuth customers;

    @Activate
    public RegistrationPage(@Reference CustomerAuth customers) {
        super(customers);
        this.customers = customers;
    }

    @Override
    protected void get(Visit visit) throws IOException {
        switch (visit.path()) {
        case REGISTER -> form(visit, 200, Fields.empty());
        case VERIFY -> verify(visit);
        default -> notFound(visit);
        }
    }

    @Override
    protected void post(Visit visit) throws IOException {
        switch (visit.path()) {
        case REGISTER -> register(visit);
        case RESEND -> {
            String email = visit.field("email");
            customers.resendVerification(visit.tenant.id(), email);
            registered(visit, email, visit.texts.format("registered.resent", email));
        }
        default -> notFound(visit);
        }
    }

    private void register(Visit visit) throws IOException {
        Map<String, String> values = visit.fields("name", "email", "company", "password");
        try {
            customers.register(visit.tenant.id(), new Registration(values.get("email"), values.get("password"), values.get("name"), values.get("company")));
            registered(visit, values.get("email"), visit.texts.format("registered.sent", values.get("email")));
        } catch (InvalidInputException e) {
            form(visit, 400, new Fields(values, e.fields()));
        }
    }

    private void verify(Visit visit) throws IOException {
        try {
            Customer customer = customers.verify(visit.tenant.id(), visit.field("token"));
            SignInPage.show(visit, 200, Fields.of(Map.of("email", customer.email())), visit.texts.get("verified.notice"));
        } catch (InvalidTokenException e) {
            visit.render(400, "link-invalid.jte", new Message(visit.page(visit.texts.get("linkInvalid.title")), visit.texts.get("linkInvalid.verify")),
                    PageRenderer.Caching.PERSONAL);
        }
    }

    private static void form(Visit visit, int status, Fields fields) throws IOException {
        visit.render(status, "register.jte", new FormPage(visit.page(visit.texts.get("register.title")), fields, ""), PageRenderer.Caching.PERSONAL);
    }

    /** What comes next: the mail, and what to do when it does not come. */
    private static void registered(Visit visit, String email, String notice) throws IOException {
        visit.render(200, "registered.jte", new FormPage(visit.page(visit.texts.get("registered.title")), Fields.of(Map.of("email", email)), notice),
                PageRenderer.Caching.PERSONAL);
    }
}
