package org.dmscloud.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

/** How tenant-create and tenant-update read what an operator types: each option given replaces its setting, the others stay. */
class TenantOptionsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TenantSettings BEFORE = new TenantSettings("Acme", List.of("portal.acme.example"),
            Optional.of(new Brand("Acme DMS", "support@acme.example", "noreply@acme.example", "https://portal.acme.example")), EUR,
            CatalogSelection.EVERYTHING, new PriceAdjustment(1_500, Map.of("usp", Money.of("4.00", "EUR"))), false, Set.of("org.example.reports"));

    private final TenantOptions options = new TenantOptions() {
    };

    @Test
    void optionsLeftOutKeepTheirSettings() {
        assertThat(options.apply(BEFORE, false)).isEqualTo(BEFORE);
    }

    @Test
    void hostsAreOneListInLowerCaseAndTheCatalogIsAllOrTheIdsNamed() {
        options.hosts = List.of(" Portal.Acme.Example ", "", "acme.dms.example");
        options.catalog = " business, usp ,";

        TenantSettings after = options.apply(BEFORE, false);

        assertThat(after.hostNames()).containsExactly("portal.acme.example", "acme.dms.example");
        assertThat(after.catalog().only()).hasValue(Set.of("business", "usp"));
        options.catalog = "ALL";
        assertThat(options.apply(BEFORE, false).catalog()).isEqualTo(CatalogSelection.EVERYTHING);
    }

    @Test
    void aPriceIsSetByItemAndAmountAndRemovedByItemAloneAndAnythingElseIsRefusedSayingHowToWriteIt() {
        options.prices = List.of("business=40.00", "usp=");

        assertThat(options.apply(BEFORE, false).prices().dailyPrices()).containsOnly(Map.entry("business", Money.of("40.00", "EUR")));
        options.prices = List.of("40.00");
        assertThatThrownBy(() -> options.apply(BEFORE, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'40.00' is not a price: write it like usp=4.00, or usp= to remove one");
        options.prices = List.of("usp=four");
        assertThatThrownBy(() -> options.apply(BEFORE, false)).hasMessage("'four' is not an amount; write it like 4.00");
    }

    @Test
    void aMarkupIsPercentToAHundredthAndSaidBackAsItWasMeant() {
        assertThat(PriceMarkup.parse("15")).isEqualTo(1_500);
        assertThat(PriceMarkup.parse(" -7.5 % ")).isEqualTo(-750);
        assertThat(PriceMarkup.parse("0.01")).isEqualTo(1);
        assertThatThrownBy(() -> PriceMarkup.parse("7.555")).hasMessageContaining("to a hundredth of a percent");
        assertThatThrownBy(() -> PriceMarkup.parse("fifteen")).hasMessageStartingWith("'fifteen' is not a markup");
        assertThat(PriceMarkup.format(1_500)).isEqualTo("+15 %");
        assertThat(PriceMarkup.format(-750)).isEqualTo("-7.5 %");
        assertThat(PriceMarkup.format(0)).isEqualTo("0 %");
    }

    @Test
    void pluginBundlesAreAListOfSymbolicNamesThatNoneEmpties() {
        options.plugins = List.of("org.example.reports", " org.example.backup ");
        assertThat(options.apply(BEFORE, false).pluginBundles()).containsExactlyInAnyOrder("org.example.reports", "org.example.backup");
        options.plugins = List.of("none");
        assertThat(options.apply(BEFORE, false).pluginBundles()).isEmpty();
        options.plugins = List.of("org.example/reports");
        assertThatThrownBy(() -> options.apply(BEFORE, false)).hasMessageStartingWith("'org.example/reports' is no bundle symbolic name");
    }

    @Test
    void platformPaymentsAreTrueOrFalseAndTheCurrencyAnIsoCode() {
        options.platformPayments = "true";
        options.currency = "USD";
        TenantSettings after = options.apply(BEFORE, false);
        assertThat(after.platformPayments()).isTrue();
        assertThat(after.currency()).isEqualTo(Currency.getInstance("USD"));
    }
}
