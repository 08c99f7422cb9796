package org.dmscloud.customers.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.dmscloud.api.customer.InvalidInputException;

/** What registration and password changes accept, with a message per field a person can act on. */
final class Inputs {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Map<String, String> problems = new LinkedHashMap<>();

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    Inputs email(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            problems.put("email", "Enter an e-mail address such as name@example.com.");
        }
        return this;
    }

    Inputs password(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problems.put(field, "Choose a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        } else if (password.isBlank()) {
            problems.put(field, "A password cannot be only spaces.");
        }
        return this;
    }

    Inputs text(String field, String value, int min, int max, String description) {
        int length = value == null ? 0 : value.trim().length();
        if (length < min || length > max) {
            problems.put(field, min > 0 ? "Enter " + description + " of at most " + max + " characters."
                    : description + " can have at most " + max + " characters.");
        }
        return this;
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
