package org.dmscloud.payment.banktransfer.internal;

import java.util.Locale;

/**
 * The ISO 7064 MOD 97-10 check shared by IBANs (ISO 13616) and creditor references (ISO 11649): the
 * first four characters move to the end, letters become 10 to 35, and the number is 1 modulo 97.
 */
final class Mod97 {

    private Mod97() {
    }

    /** Upper case without spaces, as a person may have typed it with either. */
    static String compact(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether a compact text of letters and digits passes the check. */
    static boolean isValid(String compact) {
        return compact.length() > 4 && compact.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                && remainder(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /** The two check digits that make {@code prefix + digits + body} valid, for a two-letter prefix. */
    static String checkDigits(String prefix, String body) {
        return String.format(Locale.ROOT, "%02d", 98 - remainder(body + prefix + "00"));
    }

    /** Groups of four, as printed on invoices and bank statements. */
    static String grouped(String compact) {
        StringBuilder grouped = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }

    private static int remainder(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = Character.digit(text.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
