package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests are a tenant's (its pages and its API) and which the platform's, answered at every host. */
class TenantHostFilterTest {

    @Test
    void pagesAndTheApiAreATenantsHealthWebhooksAndStaticFilesThePlatforms() {
        for (String tenants : new String[] { "/", "/contact", "/account", "/no-such-page", "/api/v1/account", "/api/v1/catalog", "/api/v1/healthz",
                "/staticx", "/docsx" }) {
            assertThat(TenantHostFilter.isThePlatforms(tenants)).as(tenants).isFalse();
        }
        for (String platforms : new String[] { "/api/v1/health", "/api/v1/payments/stripe/webhook", "/docs/index.html", "/static/portal.css" }) {
            assertThat(TenantHostFilter.isThePlatforms(platforms)).as(platforms).isTrue();
        }
    }
}
