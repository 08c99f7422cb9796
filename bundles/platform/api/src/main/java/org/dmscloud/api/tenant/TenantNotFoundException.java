package org.dmscloud.api.tenant;

import org.dmscloud.api.account.TenantId;

/** No tenant has this id. */
public class TenantNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TenantNotFoundException(TenantId tenant) {
        super("There is no tenant '" + tenant + "'.");
    }
}
