package org.dmscloud.rest.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.customer.Customer;

/** The signed-in customer of a request, as the JAX-RS security context carries it. */
record CustomerPrincipal(Customer customer) implements Principal {

    @Override
    public String getName() {
        return customer.email();
    }

    /** The customer of a request that passed {@link BearerAuthentication}. */
    static Customer of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CustomerPrincipal principal) {
            return principal.customer();
        }
        throw new IllegalStateException("a @Secured resource was reached without authentication");
    }
}
