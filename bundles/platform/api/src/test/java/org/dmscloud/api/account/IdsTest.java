package org.dmscloud.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void accountIdsRoundTripThroughTheirText() {
        AccountId id = AccountId.random();
        assertThat(AccountId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void onlyTheCanonicalUuidFormIsAnAccountId() {
        assertThatThrownBy(() -> AccountId.parse("1-2-3-4-5")).hasMessageContaining("is not a valid account id");
        assertThatThrownBy(() -> AccountId.parse("not-a-uuid")).hasMessageContaining("is not a valid account id");
        assertThatThrownBy(() -> AccountId.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccountId.parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301").toString())
                .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }

    @Test
    void tenantIdsAreSlugs() {
        assertThat(new TenantId("reseller-1").value()).isEqualTo("reseller-1");
        assertThatThrownBy(() -> new TenantId("Bad Tenant")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantId("")).isInstanceOf(IllegalArgumentException.class);
    }
}
