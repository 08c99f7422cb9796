package org.dmscloud.spi.payment;

import java.util.Objects;
import java.util.regex.Pattern;

import org.dmscloud.api.account.TenantId;

/**
 * A tenant's own payment account as an operator configures it: the tenant ({@code dms.tenant}) and the id of
 * the provider that takes payments into it ({@code dms.payment.provider.id}), read and checked alike by every
 * provider, as {@link ProviderLimits} are. Both become service properties of the provider, so that only that
 * tenant's customers pay through it.
 *
 * @since 1.2
 */
public record TenantAccount(TenantId tenant, String providerId) {

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(providerId, "providerId");
    }

    /**
     * Reads the configured values. A configuration that does not name a tenant, or whose provider id is no id or
     * is the platform's own provider's, is refused: it would take money for nobody knows whom.
     *
     * @param platformProviderId the id of the provider's platform-wide account, which a tenant's account may not take
     * @param configurationPid   the factory configuration's PID, named in the refusal so that the operator finds the file
     * @throws IllegalArgumentException saying what is wrong
     */
    public static TenantAccount configured(Object tenant, Object providerId, String platformProviderId, String configurationPid) {
        TenantId tenantId = new TenantId(Objects.toString(tenant, "").trim()); // throws, naming what a tenant id is
        String id = Objects.toString(providerId, "").trim();
        if (!PROVIDER_ID.matcher(id).matches() || id.equals(platformProviderId)) {
            throw new IllegalArgumentException("dms.payment.provider.id '" + id + "' in a " + configurationPid
                    + " configuration is no provider id of its own: lowercase letters, digits and '-', such as " + platformProviderId + "-" + tenantId);
        }
        return new TenantAccount(tenantId, id);
    }
}
