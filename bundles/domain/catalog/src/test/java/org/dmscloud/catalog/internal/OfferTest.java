package org.dmscloud.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.api.plugin.PluginCallException;
import org.dmscloud.api.plugin.PluginCalls;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.dmscloud.spi.tenant.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a tenant sells and at what price, from the plugins registered: the platform's, its own, and other tenants'. */
class OfferTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final Tenant PLATFORM = tenant(TenantId.DEFAULT, CatalogSelection.EVERYTHING, PriceAdjustment.NONE);
    private static final TenantId ACME = new TenantId("acme");

    private final PluginCalls calls = new PluginCalls("test", Duration.ofMillis(200), 4, 16);
    private final GuardedPlugins plugins = new GuardedPlugins(calls, 100_000, java.time.Clock.systemUTC());
    private final List<Map.Entry<Map<String, Object>, InstancePackage>> packages = new ArrayList<>();
    private final List<Map.Entry<Map<String, Object>, AddonOption>> options = new ArrayList<>();
    private final List<Map.Entry<Map<String, Object>, PricingPlugin>> pricing = new ArrayList<>();

    OfferTest() {
        packages.add(entry(InstancePackage.PACKAGE_ID, "business", null, new TestPackage("business", "Business", "", new DeviceRange(1_000, 20_000))));
        options.add(entry(AddonOption.OPTION_ID, "usp", null, new TestOption("usp", "USP", "")));
        options.add(entry(AddonOption.OPTION_ID, "firmware", null, new TestOption("firmware", "Firmware", "")));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "business", null, PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("business", "Business package", Money.ofMinor(1_200, context.currency())),
                new PriceComponent("business", configuration.expectedDevices() + " CPE devices",
                        Money.ofMinor(configuration.expectedDevices() * 12 / 10, context.currency()))))));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "usp", null, PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("usp", "USP", Money.ofMinor(500, context.currency()))))));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "firmware", null, PricingPlugin.of((configuration, context) -> {
            throw new UnpricedException("Firmware management is sold in USD only.");
        })));
    }

    @Test
    void theRateIsThePackagePlusEachOptionWithTheirComponents() {
        DailyRate rate = offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR);

        assertThat(rate.components()).extracting(PriceComponent::label).containsExactly("Business package", "1000 CPE devices", "USP");
        assertThat(rate.total()).isEqualTo(Money.of("29.00", "EUR"));
    }

    @Test
    void anUnknownPackageOrOptionIsNamed() {
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("gold", 1_000, Set.of()), EUR))
                .isInstanceOf(ItemNotOnSaleException.class).hasMessage("There is no package 'gold' on sale.")
                .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("packageId");
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("backup")), EUR))
                .hasMessage("There is no option 'backup' on sale.");
    }

    @Test
    void devicesOutsideThePackagesRangeAreRefused() {
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 999, Set.of()), EUR))
                .hasMessage("The Business package is for 1,000 to 20,000 CPE devices, not 999.")
                .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("expectedDevices");
    }

    @Test
    void aPluginsRefusalReachesTheCustomer() {
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("firmware")), EUR))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("Firmware management is sold in USD only.");
    }

    @Test
    void aPluginThatThrowsAnythingIsThePluginsFailureNamingTheItemNotTheCustomers() {
        options.add(entry(AddonOption.OPTION_ID, "broken", null, new TestOption("broken", "Broken", "")));
        options.add(entry(AddonOption.OPTION_ID, "linkage", null, new TestOption("linkage", "Linkage", "")));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "broken", null, PricingPlugin.of((configuration, context) -> {
            throw new NullPointerException("a bug in a plugin");
        })));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "linkage", null, PricingPlugin.of((configuration, context) -> {
            throw new NoClassDefFoundError("org/example/Gone");
        })));

        assertUnavailable(Set.of("broken"), "broken");
        assertUnavailable(Set.of("linkage"), "linkage");
        assertThat(offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR).total())
                .as("the other items are still priced").isEqualTo(Money.of("29.00", "EUR"));
    }

    @Test
    void aPriceAnswerIsCheckedNotTrusted() {
        pricingOfUsp((configuration, context) -> null);
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> List.of());
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> java.util.Arrays.asList(new PriceComponent("usp", "USP", Money.ofMinor(1, EUR)), null));
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("business", "Business, again", Money.ofMinor(1, EUR))));
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("usp", "USP", Money.ofMinor(500, Currency.getInstance("USD")))));
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("usp", "USP", Money.of("100000.01", "EUR"))));
        assertUnavailable(Set.of("usp"), "usp");
        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("usp", "USP\u202e", Money.ofMinor(1, EUR))));
        assertUnavailable(Set.of("usp"), "usp");

        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("usp", "USP", Money.of("100000.00", "EUR"))));
        assertThat(offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR).total())
                .as("at the limit, and a free line, are prices").isEqualTo(Money.of("100024.00", "EUR"));
        pricingOfUsp((configuration, context) -> List.of(new PriceComponent("usp", "USP", Money.zero(EUR))));
        assertThat(offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR).total())
                .isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void aPluginThatTakesTooLongIsAbandonedAfterTheTimeout() {
        pricingOfUsp((configuration, context) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new PriceComponent("usp", "USP", Money.ofMinor(500, context.currency())));
        });

        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR))
                .isInstanceOfSatisfying(PricingUnavailableException.class, e -> assertThat(e.getCause())
                        .isInstanceOfSatisfying(PluginCallException.class, call -> assertThat(call.kind()).isEqualTo(PluginCallException.Kind.TIMED_OUT)));
    }

    @Test
    void aPackageOrOptionThatCannotDescribeItselfIsLeftOutOfTheCatalogAndNotPricedAsWithdrawn() {
        options.add(entry(AddonOption.OPTION_ID, "nameless", null, new TestOption("nameless", " ", "")));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "nameless", null, PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("nameless", "Nameless", Money.ofMinor(1, context.currency()))))));
        packages.add(entry(InstancePackage.PACKAGE_ID, "crashing", null, new InstancePackage() {
            @Override
            public String id() {
                return "crashing";
            }

            @Override
            public String name() {
                return "Crashing";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public DeviceRange devices() {
                throw new StackOverflowError();
            }
        }));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "crashing", null, PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("crashing", "Crashing", Money.ofMinor(1, context.currency()))))));

        assertThat(offer(PLATFORM).packages()).extracting(CatalogPackage::id).containsExactly("business");
        assertThat(offer(PLATFORM).options()).extracting(CatalogOption::id).containsExactly("firmware", "usp");
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("crashing", 5, Set.of()), EUR))
                .isInstanceOfSatisfying(PricingUnavailableException.class, e -> assertThat(e.item()).isEqualTo("crashing"))
                .isNotInstanceOf(ItemNotOnSaleException.class);
        assertUnavailable(Set.of("nameless"), "nameless");
    }

    private void pricingOfUsp(java.util.function.BiFunction<InstanceConfiguration, PricingContext, List<PriceComponent>> answer) {
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "usp", null, PricingPlugin.of(answer)));
    }

    private void assertUnavailable(Set<String> optionIds, String item) {
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, optionIds), EUR))
                .isInstanceOfSatisfying(PricingUnavailableException.class, e -> assertThat(e.item()).isEqualTo(item))
                .hasMessage("'" + item + "' cannot be priced right now. Nothing was done; please try again in a few minutes.");
    }

    @Test
    void anItemWithoutPricingIsListedUnpricedAndNotSold() {
        options.add(entry(AddonOption.OPTION_ID, "free-lunch", null, new TestOption("free-lunch", "Lunch", "")));

        assertThat(offer(PLATFORM).options()).filteredOn(o -> o.id().equals("free-lunch")).singleElement()
                .extracting(CatalogOption::priced).isEqualTo(false);
        assertThatThrownBy(() -> offer(PLATFORM).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("free-lunch")), EUR))
                .hasMessage("There is no option 'free-lunch' on sale.");
    }

    @Test
    void listsSortedByIdTheHigherRankedServiceWinningAnIdAndServicesWithoutAnIdLeftOut() {
        // DS hands the list sorted by ranking, lowest first.
        packages.add(entry(InstancePackage.PACKAGE_ID, "business", null, new TestPackage("business", "Business+", "", new DeviceRange(1, 9))));
        packages.add(entry(InstancePackage.PACKAGE_ID, "advanced", null, new TestPackage("advanced", "Advanced", "", new DeviceRange(1, 9))));
        packages.add(Map.entry(Map.of(), new TestPackage("ghost", "Ghost", "", new DeviceRange(1, 9))));
        packages.add(entry(InstancePackage.PACKAGE_ID, " ", null, new TestPackage("blank", "Blank", "", new DeviceRange(1, 9))));

        assertThat(offer(PLATFORM).packages()).extracting(CatalogPackage::name).containsExactly("Advanced", "Business+");
        assertThat(offer(PLATFORM).packages()).extracting(CatalogPackage::priced).containsExactly(false, true);
    }

    @Test
    void aTenantsOwnItemsAreForItsCustomersOnlyAndItsOwnPluginBeatsThePlatformsWhateverItsRanking() {
        options.add(entry(AddonOption.OPTION_ID, "acme-backup", "acme", new TestOption("acme-backup", "Acme backup", "")));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "acme-backup", "acme", PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("acme-backup", "Backup", Money.ofMinor(300, context.currency()))))));
        // Acme's plugin of usp comes first in the list (ranked lowest), and still beats the platform's for Acme.
        pricing.add(0, entry(PricingPlugin.PRICED_ITEM, "usp", "acme", PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("usp", "USP by Acme for " + context.tenant(), Money.ofMinor(450, context.currency()))))));
        Tenant acme = tenant(ACME, CatalogSelection.EVERYTHING, new PriceAdjustment(2_000, Map.of()));
        Tenant rival = tenant(new TenantId("rival"), CatalogSelection.EVERYTHING, PriceAdjustment.NONE);

        DailyRate acmes = offer(acme).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp", "acme-backup")), EUR);
        assertThat(acmes.components()).extracting(PriceComponent::label)
                .containsExactly("Business package", "1000 CPE devices", "Backup", "USP by Acme for acme");
        assertThat(acmes.components()).extracting(PriceComponent::amount).as("the platform's package with Acme's 20 %, Acme's own "
                + "items as Acme prices them").containsExactly(Money.of("14.40", "EUR"), Money.of("14.40", "EUR"), Money.of("3.00", "EUR"),
                        Money.of("4.50", "EUR"));
        assertThat(acmes.ownItems()).as("Acme's own option; usp is the platform's, whoever prices it").containsExactly("acme-backup");
        assertThat(offer(rival).options()).extracting(CatalogOption::id).containsExactly("firmware", "usp");
        assertThatThrownBy(() -> offer(rival).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("acme-backup")), EUR))
                .isInstanceOf(ItemNotOnSaleException.class);
        assertThat(offer(rival).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR).total())
                .isEqualTo(Money.of("29.00", "EUR"));
    }

    @Test
    void aBundleNotBoundToATenantCannotSellOrPriceForItWhateverItsServicesSay() {
        options.add(entry(AddonOption.OPTION_ID, "acme-backup", "acme", new TestOption("acme-backup", "Acme backup", "")));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "acme-backup", "acme", PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("acme-backup", "Backup", Money.ofMinor(300, context.currency()))))));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "usp", "acme", PricingPlugin.of((configuration, context) -> List.of(
                new PriceComponent("usp", "USP for a cent", Money.ofMinor(1, context.currency()))))));
        Tenant unbound = new Tenant(ACME, new TenantSettings("acme", List.of(), Optional.empty(), EUR, CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false, Set.of("org.example.someone-else")), TenantStatus.ENABLED, AT, AT);

        assertThat(offer(unbound).options()).extracting(CatalogOption::id).containsExactly("firmware", "usp");
        assertThat(offer(unbound).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR).total())
                .as("the platform's price, not the unbound bundle's").isEqualTo(Money.of("29.00", "EUR"));
        assertThat(offer(tenant(ACME, CatalogSelection.EVERYTHING, PriceAdjustment.NONE)).options()).extracting(CatalogOption::id)
                .contains("acme-backup");
    }

    @Test
    void aTenantSellsThePlatformsItemsItsSelectionNamesAndAlwaysItsOwn() {
        options.add(entry(AddonOption.OPTION_ID, "acme-backup", "acme", new TestOption("acme-backup", "Acme backup", "")));
        Tenant acme = tenant(ACME, CatalogSelection.only(Set.of("business")), PriceAdjustment.NONE);

        assertThat(offer(acme).packages()).extracting(CatalogPackage::id).containsExactly("business");
        assertThat(offer(acme).options()).extracting(CatalogOption::id).containsExactly("acme-backup");
        assertThatThrownBy(() -> offer(acme).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR))
                .isInstanceOf(ItemNotOnSaleException.class).hasMessage("There is no option 'usp' on sale.");
    }

    @Test
    void aFixedDailyPriceReplacesThePlatformsPriceOfThatItemInItsCurrencyOnly() {
        Tenant acme = tenant(ACME, CatalogSelection.EVERYTHING, new PriceAdjustment(0, Map.of("business", Money.of("40.00", "EUR"))));

        DailyRate inEuro = offer(acme).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), EUR);
        DailyRate inDollars = offer(acme).dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp")), Currency.getInstance("USD"));

        assertThat(inEuro.components()).extracting(PriceComponent::label).containsExactly("Business package", "USP");
        assertThat(inEuro.total()).isEqualTo(Money.of("45.00", "EUR"));
        assertThat(inDollars.total()).isEqualTo(Money.of("29.00", "USD"));
    }

    @Test
    void aMarkupOrDiscountIsRoundedUpNeverInTheCustomersFavour() {
        Tenant markup = tenant(ACME, CatalogSelection.EVERYTHING, new PriceAdjustment(1, Map.of()));
        Tenant discount = tenant(new TenantId("cheap"), CatalogSelection.EVERYTHING, new PriceAdjustment(-3_333, Map.of()));
        InstanceConfiguration configuration = InstanceConfiguration.of("business", 1_001, Set.of());

        List<Money> marked = offer(markup).dailyRate(configuration, EUR).components().stream().map(PriceComponent::amount).toList();
        List<Money> discounted = offer(discount).dailyRate(configuration, EUR).components().stream().map(PriceComponent::amount).toList();

        // 12.00 × 1.0001 = 12.0012 → 12.01; 12.01 × 1.0001 = 12.011201 → 12.02
        assertThat(marked).containsExactly(Money.of("12.01", "EUR"), Money.of("12.02", "EUR"));
        // 12.00 × 0.6667 = 8.0004 → 8.01; 12.01 × 0.6667 = 8.007067 → 8.01
        assertThat(discounted).containsExactly(Money.of("8.01", "EUR"), Money.of("8.01", "EUR"));
    }

    @Test
    void theContextTellsAPluginWhoseCustomerAsksAndAnOldPluginIsStillCalled() {
        List<PricingContext> asked = new ArrayList<>();
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "usp", null, PricingPlugin.of((configuration, context) -> {
            asked.add(context);
            return List.of(new PriceComponent("usp", "USP", Money.ofMinor(500, context.currency())));
        })));
        pricing.add(entry(PricingPlugin.PRICED_ITEM, "firmware", null, new PricingPlugin() {
            @Override
            @SuppressWarnings("deprecation")
            public List<PriceComponent> dailyRate(InstanceConfiguration configuration, Currency currency) {
                return List.of(new PriceComponent("firmware", "Firmware (1.0 plugin)", Money.ofMinor(100, currency)));
            }
        }));

        DailyRate rate = offer(tenant(ACME, CatalogSelection.EVERYTHING, PriceAdjustment.NONE))
                .dailyRate(InstanceConfiguration.of("business", 1_000, Set.of("usp", "firmware")), EUR);

        assertThat(asked).containsExactly(PricingContext.of(ACME, EUR));
        assertThat(rate.components()).extracting(PriceComponent::label).contains("Firmware (1.0 plugin)");
    }

    @Test
    void aServiceWhoseTenantPropertyIsNoTenantIdServesNobody() {
        options.add(entry(AddonOption.OPTION_ID, "odd", "Not A Tenant!", new TestOption("odd", "Odd", "")));

        assertThat(offer(PLATFORM).options()).extracting(CatalogOption::id).doesNotContain("odd");
    }

    private Offer offer(Tenant tenant) {
        return Offer.of(tenant, plugins, packages, options, pricing, null);
    }

    @AfterEach
    void stopCalls() {
        calls.close();
    }

    private static Tenant tenant(TenantId id, CatalogSelection catalog, PriceAdjustment prices) {
        Optional<Brand> brand = id.equals(TenantId.DEFAULT) ? Optional.empty()
                : Optional.of(new Brand(id + " DMS", "support@" + id + ".example", "noreply@" + id + ".example", "https://" + id + ".example"));
        // The services here are registered by no bundle (Contributions.UNKNOWN_BUNDLE): bound to every test tenant.
        return new Tenant(id, new TenantSettings(id.value(), List.of(), brand, EUR, catalog, prices, false, Set.of(Contributions.UNKNOWN_BUNDLE)),
                TenantStatus.ENABLED, AT, AT);
    }

    private static <S> Map.Entry<Map<String, Object>, S> entry(String property, String id, String tenant, S service) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(property, id);
        if (tenant != null) {
            properties.put(TenantScope.PROPERTY, tenant);
        }
        return Map.entry(properties, service);
    }

    /** A record's accessors implement the SPI's methods. */
    private record TestPackage(String id, String name, String description, DeviceRange devices) implements InstancePackage {
    }

    private record TestOption(String id, String name, String description) implements AddonOption {
    }
}
