package org.dmscloud.spi.tenant;

/**
 * Plugins for one tenant only. A package, option, pricing plugin or payment provider registered with the
 * service property {@link #PROPERTY} set to a tenant id is seen by that tenant's customers only (and priced,
 * billed and paid through for them only); without it, it serves every tenant. For one id, a tenant's own
 * service beats the platform's, whatever their rankings, so a reseller can re-price or replace an item for
 * its customers without touching anyone else's.
 */
public final class TenantScope {

    /** Service property: the id of the only tenant the service is for, e.g. {@code acme}. */
    public static final String PROPERTY = "dms.tenant";

    /**
     * The prefix of the platform's own bundles' symbolic names: they act for any tenant an operator configures them for.
     * Any other bundle's services in a tenant's scope count only once an operator has bound the bundle to that tenant
     * ({@code dms:tenant-update --plugin <symbolic name> <tenant>}); a plugin bundle's name must not start with it.
     */
    public static final String PLATFORM_BUNDLES = "dms-cloud-";

    private TenantScope() {
    }
}
