package org.dmscloud.rest.internal;

import javax.servlet.ServletRequest;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.web.PortalRequests;

/** The tenant a portal request is for, as {@link TenantHostFilter} found it from the request's host. */
final class RequestTenant {

    static final String ATTRIBUTE = PortalRequests.TENANT;

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

    static String brandOf(Tenant tenant) {
        return tenant.brandName();
    }

    static String brandOf(ServletRequest request) {
        return brandOf(of(request));
    }
}
