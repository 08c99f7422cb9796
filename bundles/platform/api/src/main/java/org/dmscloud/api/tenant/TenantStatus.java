package org.dmscloud.api.tenant;

/** Whether a tenant's portal answers. A disabled tenant's instances go on being billed unless disabled too. */
public enum TenantStatus {
    ENABLED,
    DISABLED
}
