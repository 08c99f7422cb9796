package org.dmscloud.api.web;

/**
 * What the platform finds out about every request to a tenant's portal, its pages and its API, before the
 * bundle that serves it sees it: request attributes, named here for those bundles. Requests to the platform's
 * own addresses (health, payment providers' webhooks, static files) carry neither.
 */
public final class PortalRequests {

    /** The {@link org.dmscloud.api.tenant.Tenant} whose host name the request was sent to. */
    public static final String TENANT = "org.dmscloud.tenant";

    /**
     * The client's address as a {@code String}: the connection's, or behind a trusted proxy the one that proxy saw;
     * what sign-in and contact limits count.
     */
    public static final String CLIENT_ADDRESS = "org.dmscloud.client-address";

    private PortalRequests() {
    }
}
