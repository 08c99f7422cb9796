package org.dmscloud.api.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a contact message is about, so that it reaches the right people first. */
public enum ContactTopic {

    GENERAL("General question"),
    SALES("Sales"),
    SUPPORT("Technical support"),
    BILLING("Billing"),
    BANK_TRANSFER_TOP_UP("Bank transfer top-up");

    private final String title;

    ContactTopic(String title) {
        this.title = title;
    }

    /** For people, e.g. "Bank transfer top-up". */
    public String title() {
        return title;
    }

    /** As the API writes it: lower case with '-', e.g. "bank-transfer-top-up". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the API's name; empty for anything else. */
    public static Optional<ContactTopic> fromWireName(String name) {
        return Arrays.stream(values()).filter(topic -> topic.wireName().equals(name)).findFirst();
    }
}
