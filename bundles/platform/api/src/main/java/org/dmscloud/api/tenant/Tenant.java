package org.dmscloud.api.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;

/** A tenant as it stands. */
public record Tenant(TenantId id, TenantSettings settings, TenantStatus status, Instant createdAt, Instant updatedAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return settings.name();
    }

    /** The name its customers know it by: its brand's, or, for the platform's own tenant, its name. */
    public String brandName() {
        return settings.brand().map(Brand::name).orElse(settings.name());
    }

    /** Where its customers reach its portal, as its brand says (such as {@code https://portal.acme.example}); empty without one. */
    public Optional<String> portalUrl() {
        return settings.brand().map(Brand::portalUrl).filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""));
    }

    public boolean isEnabled() {
        return status == TenantStatus.ENABLED;
    }
}
