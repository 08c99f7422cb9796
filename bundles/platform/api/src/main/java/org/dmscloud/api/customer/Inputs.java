package org.dmscloud.api.customer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
            problems.put(field, "Enter an email address such as name@example.com.");
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

    /** One line of text (a name, a company): between {@code min} and {@code max} characters once trimmed, no control characters. */
    public Inputs text(String field, String value, int min, int max, String description) {
        return text(field, value, min, max, description, false);
    }

    /** Text that may run over several lines (a message, a postal address): line breaks and tabs are allowed. */
    public Inputs multilineText(String field, String value, int min, int max, String description) {
        return text(field, value, min, max, description, true);
    }

    private Inputs text(String field, String value, int min, int max, String description, boolean multiline) {
        int length = value == null ? 0 : value.trim().length();
        if (length < min || length > max) {
            problems.put(field, min > 0 ? "Enter " + description + " of at most " + max + " characters."
                    : description + " can have at most " + max + " characters.");
            return this;
        }
        unprintable(value, multiline).ifPresent(problem -> problems.put(field, problem));
        return this;
    }

    /**
     * What in this text cannot be stored and shown as it was meant, if anything: control characters (NUL,
     * escapes; line breaks too unless {@code multiline}), invisible text-direction controls that make a name read
     * differently from what it is (U+202E and its kin), and halves of characters (unpaired surrogates).
     */
    public static Optional<String> unprintable(String text, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of(multiline ? "Remove the control characters (such as NUL) from it."
                        : "Remove the control characters (such as NUL or a line break) from it.");
            }
            if (isDirectionControl(c)) {
                return Optional.of("Remove the invisible text-direction characters (such as U+202E) from it.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("It holds half of a character (an unpaired UTF-16 surrogate); send it as UTF-8 text.");
            }
        }
        return Optional.empty();
    }

    private static boolean isDirectionControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
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
