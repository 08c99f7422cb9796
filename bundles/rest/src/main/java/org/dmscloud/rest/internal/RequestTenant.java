package org.dmscloud.rest.internal;

import javax.servlet.ServletRequest;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Brand;
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

    /** The name its customers know it by: its brand's, or, for the platform's own, its name. */
    static String brandOf(Tenant tenant) {
        return tenant.settings().brand().map(Brand::name).orElse(tenant.settings().name());
    }

    static String brandOf(ServletRequest request) {
        return brandOf(of(request));
    }
}
