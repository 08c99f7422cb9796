package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The contracts fail for plugins that break them, each at the test that names the break, and pass for one
 * that keeps them: run through the JUnit engine as a plugin author's build runs them.
 */
class ContractsCatchBrokenPluginsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aWellBehavedPluginPassesEveryTest() {
        Events tests = run(GoodPricing.class);
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(4);
    }

    @Test
    void aPriceInAnotherCurrencyOrUnderAnotherItemFails() {
        assertThat(failures(WrongCurrency.class)).containsExactly("everyDeviceCountInEveryCurrencyHasAnExactPriceInThatCurrency");
        assertThat(failures(WrongItem.class)).containsExactly("everyDeviceCountInEveryCurrencyHasAnExactPriceInThatCurrency");
    }

    @Test
    void aPriceThatDependsOnWhatWasAskedBeforeFails() {
        assertThat(failures(Impure.class)).contains("thePriceIsPureTheSameWhateverWasAskedBeforeAndWhicheverTenantAsks");
    }

    @Test
    void aCurrencyNotOfferedButPricedAnywayFails() {
        assertThat(failures(PricesEveryCurrency.class)).containsExactly("aCurrencyItIsNotOfferedInIsRefusedWithAMessageForTheCustomer");
    }

    @Test
    void badIdsAndTextsFail() {
        assertThat(failures(BadPackage.class)).containsExactlyInAnyOrder("itsIdIsFitToBeStoredWithEveryInstance",
                "itsNameAndDescriptionAreFitToBeShownToCustomers", "itSellsAtLeastOneDeviceCount");
        assertThat(failures(BadOption.class)).containsExactlyInAnyOrder("itsIdIsFitToBeStoredWithEveryInstance",
                "itsNameAndDescriptionAreFitToBeShownToCustomers");
    }

    @Test
    void aProviderThatStartsASecondPaymentWhenRetriedFails() {
        assertThat(failures(ForgetfulProvider.class)).containsExactly("startingOneTopUpTwiceIsOnePayment");
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static List<String> failures(Class<?> testClass) {
        return run(testClass).failed().list().stream().map(event -> event.getTestDescriptor().getDisplayName().replace("()", "")).toList();
    }

    /** A base of one priced item, a package sold for 1 to 300 devices in EUR. */
    abstract static class Pricing extends PricingPluginContract {
        @Override
        protected String pricedItem() {
            return "gold";
        }

        @Override
        protected InstanceConfiguration configuration(long expectedDevices) {
            return InstanceConfiguration.of("gold", expectedDevices, Set.of());
        }

        @Override
        protected DeviceRange devices() {
            return new DeviceRange(1, 300);
        }

        @Override
        protected Set<Currency> currencies() {
            return Set.of(EUR);
        }

        static List<PriceComponent> cents(String item, long minor, Currency currency) {
            return List.of(new PriceComponent(item, "Gold package", Money.ofMinor(minor, currency)));
        }
    }

    static class GoodPricing extends Pricing {
        @Override
        protected PricingPlugin plugin() {
            return PricingPlugin.of((configuration, context) -> {
                if (!context.currency().equals(EUR)) {
                    throw new org.dmscloud.spi.catalog.UnpricedException("Gold is sold in EUR only.");
                }
                return cents("gold", 100 + configuration.expectedDevices(), context.currency());
            });
        }
    }

    static class WrongCurrency extends GoodPricing {
        @Override
        protected PricingPlugin plugin() {
            PricingPlugin good = super.plugin();
            return PricingPlugin.of((configuration, context) -> configuration.expectedDevices() == 250
                    ? cents("gold", 100, Currency.getInstance("USD"))
                    : good.dailyRate(configuration, context));
        }
    }

    static class WrongItem extends GoodPricing {
        @Override
        protected PricingPlugin plugin() {
            return PricingPlugin.of((configuration, context) -> cents("silver", 100, EUR).stream().toList());
        }

        @Override
        protected Set<Currency> currenciesNotOffered() {
            return Set.of();
        }
    }

    static class Impure extends GoodPricing {
        private final AtomicLong calls = new AtomicLong();

        @Override
        protected PricingPlugin plugin() {
            return PricingPlugin.of((configuration, context) -> cents("gold", calls.incrementAndGet() > 400 ? 200 : 100, EUR));
        }

        @Override
        protected Set<Currency> currenciesNotOffered() {
            return Set.of();
        }
    }

    static class PricesEveryCurrency extends GoodPricing {
        @Override
        protected PricingPlugin plugin() {
            return PricingPlugin.of((configuration, context) -> cents("gold", 100, context.currency()));
        }
    }

    static class BadPackage extends InstancePackageContract {
        @Override
        protected InstancePackage instancePackage() {
            return new InstancePackage() {
                @Override
                public String id() {
                    return "Gold Package";
                }

                @Override
                public String name() {
                    return "Gold\u202e";
                }

                @Override
                public String description() {
                    return "";
                }

                @Override
                public DeviceRange devices() {
                    return null;
                }
            };
        }
    }

    static class BadOption extends AddonOptionContract {
        @Override
        protected AddonOption option() {
            return new AddonOption() {
                @Override
                public String id() {
                    return "-backup";
                }

                @Override
                public String name() {
                    return " Backup";
                }

                @Override
                public String description() {
                    return "Nightly backups.";
                }
            };
        }
    }

    /** Makes a new payment for every start, as a provider that does not pass the top-up id on as its idempotency key would. */
    static class ForgetfulProvider extends PaymentProviderContract {
        private final PaymentProvider provider = new PaymentProvider() {
            private final Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public String id() {
                return "forgetful";
            }

            @Override
            public String displayName() {
                return "Forgetful pay";
            }

            @Override
            public Availability availability() {
                return Availability.AVAILABLE;
            }

            @Override
            public Optional<TopUpLimits> limits(Currency currency) {
                return currency.equals(EUR) ? Optional.of(new TopUpLimits(Money.of("5.00", "EUR"), Money.of("500.00", "EUR"))) : Optional.empty();
            }

            @Override
            public boolean needsBillingDetails() {
                return false;
            }

            @Override
            public TopUpStart start(TopUpRequest request) {
                return new TopUpStart(UUID.randomUUID().toString(), Optional.empty(), "Pay later.", Optional.empty());
            }

            @Override
            public TopUpOutcome check(String providerReference) {
                return new TopUpOutcome(cancelled.contains(providerReference) ? TopUpOutcome.Status.FAILED : TopUpOutcome.Status.PENDING,
                        Money.zero(EUR), "");
            }

            @Override
            public TopUpOutcome cancel(String providerReference) {
                cancelled.add(providerReference);
                return check(providerReference);
            }
        };

        @Override
        protected PaymentProvider provider() {
            return provider;
        }

        @Override
        protected Currency currency() {
            return EUR;
        }
    }
}
