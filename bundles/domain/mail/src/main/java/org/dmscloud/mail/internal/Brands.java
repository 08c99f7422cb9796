package org.dmscloud.mail.internal;

import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.TenantDirectory;

/**
 * Who a tenant's mail speaks as: a reseller's own brand and sender, or the platform's (etc/org.dmscloud.mail.cfg)
 * for a tenant without a brand of its own, which is the default tenant.
 */
final class Brands {

    private final TenantDirectory tenants;
    private final Brand platform;

    Brands(TenantDirectory tenants, Brand platform) {
        this.tenants = tenants;
        this.platform = platform;
    }

    /** The platform's brand as the mail configuration has it; its sender is the configured {@code from}. */
    static Brand platform(MailConfiguration configuration) {
        return new Brand(configuration.brandName(), configuration.supportAddress(), configuration.from(), configuration.portalUrl());
    }

    Brand of(TenantId tenant) {
        return own(tenant).orElse(platform);
    }

    /**
     * The From of the tenant's mail, with its brand's name as the display name; empty for the platform's, which
     * the sender takes from the configuration when it sends, so that a changed {@code from} applies to queued mail.
     */
    Optional<String> sender(TenantId tenant) {
        // The name as an RFC 5322 quoted string: whatever it holds stays the display name; the sender encodes it when it sends.
        return own(tenant).map(brand -> "\"" + brand.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + brand.mailFrom() + ">");
    }

    private Optional<Brand> own(TenantId tenant) {
        return tenants.find(tenant).flatMap(found -> found.settings().brand());
    }
}
