package org.dmscloud.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.Servlet;

import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.Session;
import org.dmscloud.api.customer.SignInRefusedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /sign-in}: the sign-in form, and signing in through the same service (and the same limits on failed
 * attempts) as the API; the session goes into the {@link SessionCookie}. {@code POST /sign-out} ends it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-sign-in")
@HttpWhiteboardServletPattern({ SignInPage.SIGN_IN, SignInPage.SIGN_OUT })
public class SignInPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String SIGN_IN = "/sign-in";
    static final String SIGN_OUT = "/sign-out";
    static final String AFTER_SIGN_IN = AccountPage.PATH;
    /** Where a sign-in may lead: a page of this portal only, never another site ({@code //evil.example}). */
    private static final Pattern LOCAL_PAGE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.?=&%-]{0,200}");

    private final transient CustomerAuth customers;
    private final transient Clock clock;

    @Activate
    public SignInPage(@Reference CustomerAuth customers, @Reference Clock clock) {
        super(customers);
        this.customers = customers;
        this.clock = clock;
    }

    /** The sign-in page, leading to {@code next} once signed in. */
    static String signInFor(String next) {
        return SIGN_IN + "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void get(Visit visit) throws IOException {
        if (!SIGN_IN.equals(visit.path())) {
            notFound(visit);
            return;
        }
        String next = next(visit);
        if (visit.customer().isPresent()) {
            visit.redirect(next);
            return;
        }
        show(visit, 200, Fields.of(Map.of("next", next)), "everywhere".equals(visit.field("done")) ? visit.texts.get("signIn.everywhere") : "");
    }

    @Override
    protected void post(Visit visit) throws IOException {
        if (SIGN_OUT.equals(visit.path())) {
            String token = SessionCookie.token(visit.http);
            if (token != null) {
                customers.signOut(token);
            }
            SessionCookie.forget(visit.http, visit.answer);
            visit.redirect("/");
            return;
        }
        String next = next(visit);
        String email = visit.field("email");
        try {
            Session session = customers.signIn(visit.tenant.id(), email, visit.field("password"), PortalRequest.clientAddress(visit.http));
            SessionCookie.give(visit.http, visit.answer, session, clock.instant());
            visit.redirect(next);
        } catch (SignInRefusedException refused) {
            refused.retryAfter().ifPresent(wait -> visit.answer.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
            show(visit, refused.retryAfter().isPresent() ? 429 : 400, new Fields(Map.of("email", email, "next", next), Map.of("form", refused.getMessage())),
                    "");
        }
    }

    /** The sign-in form with this notice above it (the address was verified, the password was changed). */
    static void show(Visit visit, int status, Fields fields, String notice) throws IOException {
        visit.render(status, "sign-in.jte", new FormPage(visit.page(visit.texts.get("signIn.title")), fields, notice), PageRenderer.Caching.PERSONAL);
    }

    private static String next(Visit visit) {
        String next = visit.field("next");
        return LOCAL_PAGE.matcher(next).matches() ? next : AFTER_SIGN_IN;
    }
}
