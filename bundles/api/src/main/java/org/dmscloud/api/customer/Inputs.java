package org.dmscloud.api.customer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the platform accepts from people (registration, passwords, billing details, contact messages), with
 * a message per field a person can act on. Collects every problem, then {@link #check()} throws them all at once.
 */
public final class Inputs {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Map<String, String> problems = new LinkedHashMap<>();

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Inputs email(String email) {
        return email("email", email);
    }

    public Inputs email(String field, String email) {
        String normalized = normalizeEmail(email);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            problems.put(field, "Enter an e-mail address such as name@example.com.");
        }
        return this;
    }

    public Inputs password(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problems.put(field, "Choose a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        } else if (password.isBlank()) {
            problems.put(field, "A password cannot be only spaces.");
        }
        return this;
    }

    public Inputs text(String field, String value, int min, int max, String description) {
        int length = value == null ? 0 : value.trim().length();
        if (length < min || length > max) {
            problems.put(field, min > 0 ? "Enter " + description + " of at most " + max + " characters."
                    : description + " can have at most " + max + " characters.");
        }
        return this;
    }

    /** Adds a problem found by the caller's own rule. */
    public Inputs problem(String field, String message) {
        problems.putIfAbsent(field, message);
        return this;
    }

    /** @throws InvalidInputException naming every field with a problem */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
