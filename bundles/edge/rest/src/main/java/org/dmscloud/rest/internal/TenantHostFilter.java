package org.dmscloud.rest.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.http.ProblemAnswer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Finds the tenant of every request to a portal, its pages (the web bundle) and its API, from the host it was sent
 * to (or, behind a trusted reverse proxy, the header that proxy sets), and its client's address
 * ({@link RequestClient}), and leaves both on the request ({@link org.dmscloud.api.web.PortalRequests}): a host no
 * tenant has gets the default tenant or a 404, by configuration; a disabled tenant's portal answers 503. Health,
 * webhooks and static files are the platform's and answer whatever the host.
 */
@Component(service = Filter.class, configurationPid = PortalConfiguration.PID)
@Designate(ocd = PortalConfiguration.class)
// The JAX-RS whiteboard serves the portal API from a servlet context of its own, at its base path, and the pages
// are in the default context: every context is matched.
@HttpWhiteboardFilterName("dmscloud-tenant-host") // Pax Web keeps one filter per name, and names them all alike by default
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=*)")
public class TenantHostFilter extends HttpFilter {

    private static final String PORTAL = "/" + PortalApplication.BASE + "/";
    private static final String HEALTH = PORTAL + "health";
    /** Payment providers' webhooks: authenticated by their signatures, and money arriving is taken even while a portal is closed. */
    private static final String PAYMENTS = PORTAL + "payments/";
    /** The API's documentation (the api-docs bundle) and the web portal's style sheets, scripts and images. */
    private static final String DOCS = "/docs/";
    private static final String STATIC = "/static/";

    private final TenantDirectory tenants;
    private final String trustedHostHeader;
    private final String trustedClientAddressHeader;
    private final PortalConfiguration.UnknownHosts unknownHosts;

    @Activate
    public TenantHostFilter(@Reference TenantDirectory tenants, PortalConfiguration configuration) {
        this.tenants = tenants;
        this.trustedHostHeader = configuration.trustedHostHeader().trim();
        this.trustedClientAddressHeader = configuration.trustedClientAddressHeader().trim();
        this.unknownHosts = configuration.unknownHosts();
    }

    @Override
    void doFilter(HttpServletRequest http, HttpServletResponse answer, FilterChain chain) throws IOException, ServletException {
        if (!RawAddress.isWellFormed(http.getRequestURI(), http.getQueryString())) {
            refuse(http, answer, 400, "bad-request", "", "Bad Request",
                    "The address holds characters that must be percent-encoded (such as spaces, braces, quotes or brackets).");
            return;
        }
        if (isThePlatforms(http.getRequestURI())) {
            chain.doFilter(http, answer);
            return;
        }
        Optional<Tenant> tenant;
        try {
            tenant = tenants.byHost(host(http));
            if (tenant.isEmpty() && unknownHosts == PortalConfiguration.UnknownHosts.DEFAULT_TENANT) {
                tenant = tenants.find(TenantId.DEFAULT);
            }
        } catch (UnavailableException e) {
            // The tenants not read yet and the database away: the servlet container would answer a 500 page with the error in it.
            answer.setHeader("Retry-After", "5");
            refuse(http, answer, 503, "unavailable", "", "Service Unavailable",
                    "The service is briefly unavailable and did nothing with this request. Please try again in a few seconds.");
            return;
        }
        if (tenant.isEmpty()) {
            refuse(http, answer, 404, "not-found", "", "Not found", "No DMS Cloud portal answers at this address.");
            return;
        }
        if (!tenant.get().isEnabled()) {
            refuse(http, answer, 503, "portal-closed", RequestTenant.brandOf(tenant.get()), "Portal closed",
                    "This portal is closed. Please contact the company that sold you its service.");
            return;
        }
        http.setAttribute(RequestTenant.ATTRIBUTE, tenant.get());
        http.setAttribute(RequestClient.ATTRIBUTE, RequestClient.find(http, trustedClientAddressHeader));
        chain.doFilter(http, answer);
    }

    /** Addresses that answer the same at every host: health, payment providers' webhooks and static files. */
    static boolean isThePlatforms(String path) {
        return path.equals(HEALTH) || path.startsWith(PAYMENTS) || path.startsWith(DOCS) || path.startsWith(STATIC);
    }

    private String host(HttpServletRequest http) {
        String forwarded = trustedHostHeader.isEmpty() ? null : http.getHeader(trustedHostHeader);
        if (forwarded != null && !forwarded.isBlank()) {
            // A proxy that appends gives the client's first.
            return forwarded.split(",")[0].trim();
        }
        String host = http.getHeader("Host");
        return host == null ? "" : host;
    }

    /** A problem for API clients; a page for a person whose browser asked. */
    private static void refuse(HttpServletRequest http, HttpServletResponse answer, int status, String kind, String brand, String title,
            String detail) throws IOException {
        if (ProblemAnswer.wantsPage(http)) {
            Pages.write(answer, status, brand, title, detail);
            return;
        }
        Problem.of(kind, status, status == 404 ? "Not Found" : status == 400 ? "Bad Request" : "Service Unavailable", detail).writeTo(answer);
    }
}
