package org.dmscloud.api.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money: a whole number of minor units (cents for EUR and USD, yen for JPY) of one
 * ISO 4217 currency. Arithmetic never rounds except in {@link #fraction(long, long, RoundingMode)}, which
 * rounds once, in the direction its caller names (BILLING-RULES.md: never in the customer's favour).
 * Overflow throws instead of wrapping.
 */
public final class Money implements Comparable<Money> {

    /** More integer digits than any amount in minor units of a long can have (Long.MAX_VALUE has 19). */
    private static final int MAX_INTEGER_DIGITS = 19;
    /** More decimals than any text of an amount needs, trailing zeros included. */
    private static final int MAX_DECIMALS = 64;
    /** Longer text is refused before it is parsed, which takes time that grows faster than its length. */
    private static final int MAX_TEXT_LENGTH = 100;

    private final long minorUnits;
    private final Currency currency;

    private Money(long minorUnits, Currency currency) {
        this.minorUnits = minorUnits;
        this.currency = currency;
    }

    /** An amount given in minor units, e.g. {@code ofMinor(2400, EUR)} is 24.00 EUR. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, checked(currency));
    }

    /** An amount given in minor units of the currency with this ISO 4217 code. */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return ofMinor(minorUnits, currencyOf(currencyCode));
    }

    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /**
     * An amount written in major units, such as {@code "24.00"}. More decimals than the currency has
     * minor units is an error, never a silent rounding; so is an amount too large to count in minor units.
     *
     * @throws IllegalArgumentException for too many decimals or too large an amount
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Currency checked = checked(currency);
        // Both checked before setScale, whose work grows with the exponent however short the text ("1e-999999999").
        if (amount.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("An amount has at most " + checked.getDefaultFractionDigits() + " decimals in "
                    + checked.getCurrencyCode());
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(amount.toString() + " is too large to be an amount of money");
        }
        BigInteger minor;
        try {
            minor = amount.setScale(checked.getDefaultFractionDigits(), RoundingMode.UNNECESSARY).unscaledValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toString() + " has more decimals than "
                    + checked.getCurrencyCode() + " allows (" + checked.getDefaultFractionDigits() + ")", e);
        }
        if (minor.bitLength() > 63) {
            throw new IllegalArgumentException(amount.toPlainString() + " is too large to be an amount of money");
        }
        return new Money(minor.longValue(), checked);
    }

    /** An amount written in major units, such as {@code of("24.00", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        if (amount.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("An amount of money is written in at most " + MAX_TEXT_LENGTH + " characters");
        }
        try {
            return of(new BigDecimal(amount.trim()), currencyOf(currencyCode));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount of money", e);
        }
    }

    /** The currency with this ISO 4217 code, if it has minor units we can count. */
    public static Currency currencyOf(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + currencyCode + "' is not an ISO 4217 currency code", e);
        }
        return checked(currency);
    }

    public long minorUnits() {
        return minorUnits;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in major units with the currency's scale, e.g. {@code 24.00}. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    /**
     * This amount × numerator / denominator, computed exactly and rounded once to a minor unit as
     * {@code rounding} says: a charge prorated over {@code s} seconds of a daily rate is
     * {@code rate.fraction(s, 86_400, CEILING)}, a credit {@code rate.fraction(s, 86_400, FLOOR)}.
     */
    public Money fraction(long numerator, long denominator, RoundingMode rounding) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(minorUnits).multiply(BigInteger.valueOf(numerator)))
                .divide(BigDecimal.valueOf(denominator), 0, rounding);
        return new Money(toLongExact(exact.toBigInteger(), "the fraction"), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minorUnits == minorUnits && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minorUnits) * 31 + currency.hashCode();
    }

    /** {@code "24.00 EUR"}: the amount with the currency's scale, then the ISO code. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }

    private static Currency checked(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit and cannot hold money");
        }
        return currency;
    }

    private static long toLongExact(BigInteger value, String what) {
        if (value.bitLength() > 63) {
            throw new ArithmeticException(what + " is too large to be an amount of money");
        }
        return value.longValue();
    }
}
