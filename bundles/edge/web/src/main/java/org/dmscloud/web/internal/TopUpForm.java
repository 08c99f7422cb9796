package org.dmscloud.web.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Update Account Balance form: the amount, the ways to pay this tenant offers, and the billing details
 * an invoice needs (for bank transfer).
 *
 * @param requestKey a key that is new for each form shown, so that sending the same form twice starts one top-up
 */
public record TopUpForm(String currency, List<Provider> providers, Fields fields, String requestKey, String error, List<Country> countries) {

    public TopUpForm {
        providers = List.copyOf(providers);
        countries = List.copyOf(countries);
    }

    public boolean anyNeedsBillingDetails() {
        return providers.stream().anyMatch(Provider::needsBillingDetails);
    }

    /**
     * A way to pay.
     *
     * @param limits the smallest and largest amount it takes, in words
     */
    public record Provider(String id, String name, boolean needsBillingDetails, String limits) {
    }

    public record Country(String code, String name) {
    }

    /** Every country, by its name in this language; sorted once per language, not on every account page. */
    static List<Country> countries(Locale locale) {
        return COUNTRIES.computeIfAbsent(locale, language -> {
            Collator collator = Collator.getInstance(language);
            return Stream.of(Locale.getISOCountries()).map(code -> new Country(code, new Locale("", code).getDisplayCountry(language)))
                    .sorted(Comparator.comparing(Country::name, collator)).toList();
        });
    }

    private static final Map<Locale, List<Country>> COUNTRIES = new ConcurrentHashMap<>();
}
