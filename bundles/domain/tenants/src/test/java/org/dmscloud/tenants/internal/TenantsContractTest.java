package org.dmscloud.tenants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.testing.StoreTest;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** The tenants bundle's tables on every database the platform supports: each subclass brings one. */
abstract class TenantsContractTest extends StoreTest {

    TenantsContractTest() {
        super(TestDatabases.TENANTS);
    }

    @Test
    void tenantsKeepTheirSettingsAndHostNamesAndAHostNameBelongsToOneTenant() {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        TenantSettings settings = new TenantSettings("Acme Networks", List.of("acme.dms.example", "portal.acme.example"),
                Optional.of(new Brand("Acme DMS", "support@acme.example", "noreply@acme.example", "https://portal.acme.example")),
                Currency.getInstance("USD"), CatalogSelection.only(Set.of("business", "usp")),
                new PriceAdjustment(1_500, Map.of("usp", Money.of("4.00", "USD"))), false);
        Tenant acme = new Tenant(new TenantId("acme"), settings, TenantStatus.ENABLED, at, at);
        store.inTransaction(tx -> {
            Tenants.in(tx).insert(acme);
            Tenants.in(tx).audit(acme.id(), "CREATE", "operator-jane", "created", at);
            return null;
        });
        Tenant rival = new Tenant(new TenantId("rival"), new TenantSettings("Rival", List.of("portal.acme.example"), Optional.empty(),
                Currency.getInstance("EUR"), CatalogSelection.EVERYTHING, PriceAdjustment.NONE, false), TenantStatus.ENABLED, at, at);

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            Tenants.in(tx).insert(rival);
            return null;
        })).as("a host name answers for one tenant").isInstanceOf(DuplicateKeyException.class);
        Optional<Tenant> found = store.inTransaction(tx -> Tenants.in(tx).find(acme.id()));
        assertThat(found).contains(acme);
        Tenant disabled = new Tenant(acme.id(), new TenantSettings("Acme", List.of("acme.dms.example"), settings.brand(), settings.currency(),
                CatalogSelection.EVERYTHING, PriceAdjustment.NONE, false), TenantStatus.DISABLED, at, at.plusSeconds(60));
        store.inTransaction(tx -> {
            Tenants.in(tx).lock(acme.id()).orElseThrow();
            Tenants.in(tx).update(disabled);
            return null;
        });
        Optional<Tenant> changed = store.inTransaction(tx -> Tenants.in(tx).find(acme.id()));
        assertThat(changed).contains(disabled);
        List<Tenant> all = store.inTransaction(tx -> Tenants.in(tx).list());
        assertThat(all).extracting(Tenant::id).contains(acme.id());
        List<TenantAuditEntry> audit = store.inTransaction(tx -> Tenants.in(tx).audit(acme.id(), 10));
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry.operator()).isEqualTo("operator-jane"));
    }
}
