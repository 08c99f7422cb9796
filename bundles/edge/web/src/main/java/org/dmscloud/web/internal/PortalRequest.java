package org.dmscloud.web.internal;

import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.web.PortalRequests;

/** What the platform found out about a page's request before this bundle saw it: whose portal, and from where. */
final class PortalRequest {

    private PortalRequest() {
    }

    static Tenant tenant(HttpServletRequest http) {
        if (!(http.getAttribute(PortalRequests.TENANT) instanceof Tenant tenant)) {
            throw new IllegalStateException("no tenant was found for this request: is the portal's tenant filter (dms-cloud-rest) running?");
        }
        return tenant;
    }

    static String clientAddress(HttpServletRequest http) {
        return http.getAttribute(PortalRequests.CLIENT_ADDRESS) instanceof String address ? address : http.getRemoteAddr();
    }

    /** The pages' texts; English for now: the texts are in resource bundles for a tenant's translation to come. */
    static Texts texts(HttpServletRequest http) {
        return Texts.in(Locale.ENGLISH);
    }
}
