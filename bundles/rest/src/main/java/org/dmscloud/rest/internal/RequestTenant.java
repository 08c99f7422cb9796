package org.dmscloud.rest.internal;

import javax.servlet.ServletRequest;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;

/** The tenant a portal request is for, as {@link TenantHostFilter} found it from the request's host. */
final class RequestTenant {

    static final String ATTRIBUTE = "org.dmscloud.tenant";

    private RequestTenant() {
    }

    static Tenant of(ServletRequest request) {
        Object tenant = request.getAttribute(ATTRIBUTE);
        if (!(tenant instanceof Tenant found)) {
            throw new IllegalStateException("no tenant was resolved for this request: is TenantHostFilter in front of the portal?");
        }
        return found;
    }

    static TenantId idOf(ServletRequest request) {
        return of(request).id();
    }
}
