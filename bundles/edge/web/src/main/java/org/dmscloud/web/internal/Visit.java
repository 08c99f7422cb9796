package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.tenant.Tenant;

/**
 * One request to a portal page: whose portal (the tenant the host names), in which words, who is signed in, and
 * the browser's form token. What every page needs before it does its own work.
 */
final class Visit {

    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");

    final HttpServletRequest http;
    final HttpServletResponse answer;
    final Tenant tenant;
    final Texts texts;
    private final CustomerAuth customers;
    private final PageRenderer renderer;
    private Optional<Customer> customer;

    Visit(HttpServletRequest http, HttpServletResponse answer, CustomerAuth customers, PageRenderer renderer) {
        this.http = http;
        this.answer = answer;
        this.tenant = PortalRequest.tenant(http);
        this.texts = PortalRequest.texts(http);
        this.customers = customers;
        this.renderer = renderer;
    }

    /**
     * The customer this browser's session cookie signs in at this tenant's host, if any. A cookie whose session
     * ended (expired, signed out, another tenant's) is forgotten.
     */
    Optional<Customer> customer() {
        if (customer == null) {
            String token = SessionCookie.token(http);
            customer = token == null ? Optional.empty() : customers.authenticate(tenant.id(), token);
            if (token != null && customer.isEmpty()) {
                SessionCookie.forget(http, answer);
            }
        }
        return customer;
    }

    /**
     * The signed-in customer; without one, the browser is sent to sign in first (with a GET, on to this page
     * afterwards; with a post, which cannot be repeated after signing in, to the account page).
     */
    Optional<Customer> signedInOrSentToSignIn() {
        Optional<Customer> signedIn = customer();
        if (signedIn.isEmpty()) {
            String query = http.getQueryString();
            boolean get = "GET".equals(http.getMethod());
            redirect(SignInPage.signInFor(get ? path() + (query == null ? "" : "?" + query) : AccountPage.PATH));
        }
        return signedIn;
    }

    /** The signed-in customer, on the pages that are only for customers ({@link PortalPage#forCustomers()}). */
    Customer signedIn() {
        return customer().orElseThrow(() -> new IllegalStateException("a customer's page answered without a signed-in customer"));
    }

    /** The layout's part of a page with this title. */
    Page page(String title) {
        return new Page(tenant.brandName(), title, texts, customer().map(Customer::name).orElse(""), FormTokens.issue(http, answer));
    }

    /** Writes the page; one that shows a signed-in customer's data is never kept by any cache. */
    void render(int status, String template, Object model, PageRenderer.Caching caching) throws IOException {
        renderer.write(answer, status, template, model, customer().isPresent() ? PageRenderer.Caching.PERSONAL : caching);
    }

    void message(int status, String title, String text) throws IOException {
        render(status, "message.jte", new Message(page(title), text), PageRenderer.Caching.PERSONAL);
    }

    /** Sends the browser on to this page of the portal (after a post: the Post/Redirect/Get pattern). */
    void redirect(String path) {
        answer.setStatus(HttpServletResponse.SC_SEE_OTHER);
        answer.setHeader("Location", path);
        answer.setHeader("Cache-Control", "no-store");
    }

    /** Whether a post carries this browser's form token (see {@link FormTokens}); if not, it was answered with 403. */
    boolean formAccepted() throws IOException {
        if (FormTokens.accepts(http)) {
            return true;
        }
        message(403, texts.get("form.expiredTitle"), texts.get("form.expired"));
        return false;
    }

    /** A form field as sent; empty if it was not. */
    String field(String name) {
        String value = http.getParameter(name);
        return value == null ? "" : value;
    }

    /** These form fields as sent, for the page to show them again. */
    Map<String, String> fields(String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, field(name));
        }
        return values;
    }

    /**
     * The form's request key, which makes sending the same form twice act once (the services' idempotency keys): as
     * the page gave it (a UUID); anything else a client sends is replaced by a new one.
     */
    String requestKey() {
        String key = field("requestKey");
        return REQUEST_KEY.matcher(key).matches() ? key : UUID.randomUUID().toString();
    }

    /** The address the request asked for, without the query. */
    String path() {
        return http.getRequestURI();
    }
}
