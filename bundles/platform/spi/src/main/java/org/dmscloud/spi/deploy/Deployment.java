package org.dmscloud.spi.deploy;

import java.util.Objects;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;

/**
 * An instance as a deployer is asked to deploy it.
 *
 * @param configuration its package, expected devices and options as they stand
 * @param generation    how many times the platform asked for a change of this deployment: a deployer that must not
 *                      act twice on one request (a cloud API without idempotency) keys its calls with the instance
 *                      and this number, since the same request comes again, with the same number, after a failure
 */
public record Deployment(InstanceId instance, AccountId account, TenantId tenant, InstanceConfiguration configuration, long generation) {

    public Deployment {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(configuration, "configuration");
    }
}
