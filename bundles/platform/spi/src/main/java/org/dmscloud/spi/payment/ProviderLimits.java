package org.dmscloud.spi.payment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.TopUpLimits;

/**
 * The currencies a provider takes and its smallest and largest top-up, as operators write them in a
 * provider's configuration ("EUR,USD", "5.00", "10000.00"), so that every provider reads and checks them
 * alike. The same bounds apply in each currency taken.
 */
public final class ProviderLimits {

    private final Set<Currency> currencies;
    private final Optional<BigDecimal> minimum;
    private final Optional<BigDecimal> maximum;
    private final Optional<String> problem;

    private ProviderLimits(Set<Currency> currencies, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum, Optional<String> problem) {
        this.currencies = currencies;
        this.minimum = minimum;
        this.maximum = maximum;
        this.problem = problem;
    }

    /**
     * Reads the configured values; what cannot be read is kept as a {@linkplain #problem() problem} for the
     * provider's availability, never thrown, so that a typing mistake leaves the platform running.
     */
    public static ProviderLimits parse(String currencies, String minimum, String maximum) {
        Set<Currency> taken;
        try {
            taken = Arrays.stream(currencies.split(",")).map(String::trim).filter(code -> !code.isEmpty())
                    .map(Money::currencyOf).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            return invalid("currencies must be ISO codes separated by commas, such as EUR,USD (" + e.getMessage() + ")");
        }
        if (taken.isEmpty()) {
            return invalid("no currencies are configured");
        }
        BigDecimal low;
        BigDecimal high;
        try {
            low = new BigDecimal(minimum.trim());
            high = new BigDecimal(maximum.trim());
        } catch (NumberFormatException e) {
            return invalid("minimum and maximum must be amounts such as 5.00, were '" + minimum + "' and '" + maximum + "'");
        }
        if (low.signum() <= 0 || high.compareTo(low) < 0) {
            return invalid("the minimum must be positive and the maximum at least the minimum, were " + low + " and " + high);
        }
        return new ProviderLimits(taken, Optional.of(low), Optional.of(high), Optional.empty());
    }

    /** What is wrong with the configured values, for the provider's unavailability reason; empty if nothing. */
    public Optional<String> problem() {
        return problem;
    }

    /** The limits in this currency; empty if it is not taken or the values could not be read. */
    public Optional<TopUpLimits> in(Currency currency) {
        if (problem.isPresent() || !currencies.contains(currency)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TopUpLimits(Money.of(minimum.orElseThrow(), currency), Money.of(maximum.orElseThrow(), currency)));
        } catch (IllegalArgumentException e) {
            // More decimals than this currency has (e.g. 0.50 in JPY): not taken in it.
            return Optional.empty();
        }
    }

    /** Any currency taken, e.g. to state a zero amount; empty if none could be read. */
    public Optional<Currency> anyCurrency() {
        return currencies.stream().min(Comparator.comparing(Currency::getCurrencyCode));
    }

    private static ProviderLimits invalid(String problem) {
        return new ProviderLimits(Set.of(), Optional.empty(), Optional.empty(), Optional.of(problem));
    }
}
