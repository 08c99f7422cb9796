package org.dmscloud.rest.internal;

import java.security.Principal;
import java.util.Optional;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Lets a request to a {@link Secured} resource through only with {@code Authorization: Bearer <token>} of
 * an active session, and hands the customer to the resource as its security context.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Secured
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final ProblemMapper PROBLEMS = new ProblemMapper();

    private final CustomerAuth customers;

    @Context
    HttpServletRequest http;

    @Activate
    public BearerAuthentication(@Reference CustomerAuth customers) {
        this.customers = customers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Customer> customer;
        try {
            customer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? customers.authenticate(RequestTenant.idOf(http), header.substring(BEARER.length()).trim())
                    : Optional.empty();
        } catch (RuntimeException e) {
            // What a filter throws does not reach the exception mappers here; the servlet container would answer its
            // own HTML page, with the exception's message in it. The database away is a 503 problem like any other.
            request.abortWith(PROBLEMS.toResponse(e));
            return;
        }
        if (customer.isEmpty()) {
            request.abortWith(Problem.of("unauthenticated", Response.Status.UNAUTHORIZED,
                    "Sign in first, and send the token as 'Authorization: Bearer <token>'. Tokens expire, and signing out ends them.")
                    .toResponseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dmscloud\"").build());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        CustomerPrincipal principal = new CustomerPrincipal(customer.get());
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
