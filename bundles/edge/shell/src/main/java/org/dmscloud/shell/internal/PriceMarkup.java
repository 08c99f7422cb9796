package org.dmscloud.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A markup as an operator writes it, in percent ("15", "-7.5", or quoted "15%"), and as it is kept, in basis points. */
final class PriceMarkup {

    private PriceMarkup() {
    }

    static int parse(String text) {
        String number = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1).trim() : text.trim();
        try {
            return new BigDecimal(number).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a markup: write it in percent like 15 or -7.5, to a hundredth of a percent");
        }
    }

    static String format(int basisPoints) {
        return (basisPoints > 0 ? "+" : "") + BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }
}
