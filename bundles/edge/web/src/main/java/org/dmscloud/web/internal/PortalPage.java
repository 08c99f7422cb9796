package org.dmscloud.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.http.ProblemAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet of the portal's pages. Whatever fails while it answers, the visitor gets the portal's own page (503
 * when the platform is briefly unavailable, otherwise 500 with an incident id for support), never the web
 * container's, which would show the exception's message; the stack trace goes to the log under that id.
 */
abstract class PortalPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalPage.class);
    private static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD", "POST");

    protected final transient PageRenderer renderer = new PageRenderer();
    private final transient CustomerAuth customers;

    protected PortalPage(CustomerAuth customers) {
        this.customers = customers;
    }

    @Override
    protected final void doGet(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        Visit visit = new Visit(http, answer, customers, renderer);
        if (!forCustomers() || visit.signedInOrSentToSignIn().isPresent()) {
            get(visit);
        }
    }

    @Override
    protected final void doPost(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        Visit visit = new Visit(http, answer, customers, renderer);
        if (!takesPosts(visit.path())) {
            notFound(visit);
        } else if (visit.formAccepted() && (!forCustomers() || visit.signedInOrSentToSignIn().isPresent())) {
            post(visit);
        }
    }

    /** Whether the servlet's pages are a signed-in customer's: a visitor is sent to sign in first ({@link Visit#signedIn()}). */
    protected boolean forCustomers() {
        return false;
    }

    /** Whether a form is posted to this address of the servlet (a post elsewhere is answered 404 before its token is looked at). */
    protected boolean takesPosts(String path) {
        return true;
    }

    /** Answers a GET of one of this servlet's addresses. */
    protected void get(Visit visit) throws IOException {
        notFound(visit);
    }

    /** Answers a POST of one of this servlet's addresses, whose form token is already checked. */
    protected void post(Visit visit) throws IOException {
        notFound(visit);
    }

    /** The portal's 404 page: there is no page at this address (or not for this method); for a client that is no browser, a problem. */
    protected static void notFound(Visit visit) throws IOException {
        if (!ProblemAnswer.wantsPage(visit.http)) {
            ProblemAnswer.write(visit.answer, 404, "not-found", "Not Found", "There is nothing at this address.");
            return;
        }
        visit.render(404, "message.jte", new Message(visit.page(visit.texts.get("notFound.title")), visit.texts.get("notFound.text")),
                PageRenderer.Caching.PUBLIC);
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse answer) throws ServletException, IOException {
        if (!PAGE_METHODS.contains(http.getMethod())) {
            // PUT, DELETE, TRACE...: no page takes them (and TRACE would echo the request's cookies back).
            answer.setHeader("Allow", "GET, HEAD, POST");
            ProblemAnswer.write(answer, 405, "method-not-allowed", "Method Not Allowed", "The portal's pages take GET and POST only.");
            return;
        }
        try {
            http.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A query or form the container cannot decode ("%zz", a form over its size limit): the client's error, not ours.
            ProblemAnswer.write(answer, 400, "bad-request", "Bad Request", "The address or the form could not be read.");
            return;
        }
        try {
            super.service(http, answer);
        } catch (RuntimeException failure) {
            if (answer.isCommitted()) {
                LOG.error("Failure answering a portal page after its answer began", failure);
                return;
            }
            answer.reset();
            Texts texts = PortalRequest.texts(http);
            Page page = Page.forVisitor(brand(http), texts.get("error.title"), texts);
            if (failure instanceof PricingUnavailableException unpriced) {
                // A plugin's failure, logged where it failed: the customer is told which item, and that nothing was done.
                answer.setHeader("Retry-After", String.valueOf(PricingUnavailableException.RETRY_AFTER_SECONDS));
                writeOrSay(answer, 503, new Message(page, unpriced.getMessage()));
                return;
            }
            if (failure instanceof UnavailableException) {
                LOG.warn("A portal page could not be answered: {}", failure.getMessage());
                answer.setHeader("Retry-After", "5");
                writeOrSay(answer, 503, new Message(page, texts.get("error.unavailable")));
                return;
            }
            String incident = UUID.randomUUID().toString();
            LOG.error("Incident {}: unexpected failure answering a portal page", incident, failure);
            writeOrSay(answer, 500, new Message(page, texts.format("error.incident", incident)));
        }
    }

    /** The message page; if even that fails, its text alone. */
    private void writeOrSay(HttpServletResponse answer, int status, Message message) throws IOException {
        try {
            renderer.write(answer, status, "message.jte", message, PageRenderer.Caching.PERSONAL);
        } catch (RuntimeException alsoFailed) {
            LOG.error("The portal's message page failed too", alsoFailed);
            answer.reset();
            answer.setStatus(status);
            answer.setContentType("text/plain;charset=UTF-8");
            answer.getOutputStream().write(message.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String brand(HttpServletRequest http) {
        try {
            return PortalRequest.tenant(http).brandName();
        } catch (RuntimeException noTenant) {
            return "";
        }
    }
}
