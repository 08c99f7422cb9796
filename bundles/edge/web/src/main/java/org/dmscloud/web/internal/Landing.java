package org.dmscloud.web.internal;

import java.util.List;

/**
 * The landing page: what a DMS instance is, the tenant's packages and options with their prices, the price
 * calculator, the FAQ and the contact form.
 */
public record Landing(Page page, List<PackageOffer> packages, List<OptionOffer> options, Calculation calculation, List<Question> faq,
        ContactForm contact) {

    /** A package on sale: its devices range and its daily rate at the fewest devices, with no options. */
    public record PackageOffer(String id, String name, String description, String devices, String priceFrom) {
    }

    public record OptionOffer(String id, String name, String description) {
    }

    public record Question(String question, String answer) {
    }
}
