package org.dmscloud.api.web;

/**
 * The portal API's JAX-RS application, for plugins that publish resources into it (a payment provider's
 * webhook, for instance): a resource that puts {@link #SELECT} in its {@code osgi.jaxrs.application.select}
 * is served under {@link #BASE} with the portal's JSON, problem+json errors and body size limit.
 */
public final class PortalApi {

    /** The base path; a breaking change of the API gets a new version here, never an edit in place. */
    public static final String BASE = "api/v1";

    /** The application's {@code osgi.jaxrs.name}. */
    public static final String NAME = "dmscloud-portal";

    /** What resources and extensions put in {@code @JaxrsApplicationSelect} to join the application. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    private PortalApi() {
    }
}
