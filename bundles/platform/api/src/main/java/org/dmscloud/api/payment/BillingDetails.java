package org.dmscloud.api.payment;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who an invoice is made out to.
 *
 * @param name    the person to address
 * @param company the company, or empty
 * @param address the postal address, lines separated by '\n'
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param vatId   the VAT identification number, or empty
 */
public record BillingDetails(String name, String company, String address, String country, String vatId) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public BillingDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(vatId, "vatId");
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code in upper case. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
