package org.dmscloud.spi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmscloud.api.account.TenantId;
import org.junit.jupiter.api.Test;

class TenantAccountTest {

    private static final String PID = "org.dmscloud.payment.stripe.tenant";

    @Test
    void aTenantAndAnIdOfItsOwnAreReadTrimmed() {
        assertThat(TenantAccount.configured(" acme ", "stripe-acme ", "stripe", PID)).isEqualTo(new TenantAccount(new TenantId("acme"), "stripe-acme"));
    }

    @Test
    void withoutATenantItIsRefusedNamingWhatATenantIdIs() {
        assertThatThrownBy(() -> TenantAccount.configured(null, "stripe-acme", "stripe", PID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant id");
    }

    @Test
    void theProvidersPlatformIdNoIdOrNoneAtAllIsRefusedNamingTheFileAndAnExample() {
        for (Object id : new Object[] { "stripe", "Stripe Acme", "-acme", "", null }) {
            assertThatThrownBy(() -> TenantAccount.configured("acme", id, "stripe", PID)).as("id %s", id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no provider id of its own").hasMessageContaining(PID).hasMessageContaining("such as stripe-acme");
        }
    }
}
