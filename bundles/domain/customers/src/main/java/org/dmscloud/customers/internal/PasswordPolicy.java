package org.dmscloud.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * Whether a password is hard enough to guess, by zxcvbn's estimate (dictionaries of common passwords,
 * names and words, keyboard patterns, dates, repeats, l33t), with the person's own email address, name
 * and company counted as known words, and never containing their address or name (or a word of either). A refusal says why, in
 * zxcvbn's words where it has them.
 */
final class PasswordPolicy {

    /** zxcvbn's scale: 3 = "safely unguessable", about 10^10 guesses; the default. */
    static final int DEFAULT_MIN_SCORE = 3;

    /** The estimate's cost grows faster than the length; the first 100 characters of a strong password are strong. */
    private static final int MEASURED_LENGTH = 100;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final ResourceBundle english = ResourceBundle.getBundle("com/nulabinc/zxcvbn/messages", Locale.ENGLISH,
            Zxcvbn.class.getClassLoader());
    private final int minScore;

    PasswordPolicy(int minScore) {
        this.minScore = Math.max(0, Math.min(4, minScore));
    }

    /** Why this password will not do for this person, if it will not. */
    Optional<String> problem(String password, String email, String name, String company) {
        if (password == null) {
            return Optional.empty(); // the length rule has said so already
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String word : forbidden(email, name)) {
            if (lower.contains(word)) {
                return Optional.of("Choose a password that does not contain your email address or your name.");
            }
        }
        List<String> own = ownWords(email, name, company);
        Strength strength = zxcvbn.measure(password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password, own);
        if (strength.getScore() >= minScore) {
            return Optional.empty();
        }
        Feedback feedback = strength.getFeedback().withResourceBundle(english);
        StringBuilder why = new StringBuilder("This password is too easy to guess.");
        if (feedback.getWarning() != null && !feedback.getWarning().isBlank()) {
            why.append(' ').append(feedback.getWarning());
        }
        for (String suggestion : feedback.getSuggestions()) {
            why.append(' ').append(suggestion);
        }
        if (feedback.getSuggestions().isEmpty()) {
            why.append(" Add another word or two. Uncommon words are better.");
        }
        return Optional.of(why.toString());
    }

    /** What a password may not contain: the address, its part before '@' and each of its words, the name and each of its words (of four letters or more). */
    private static List<String> forbidden(String email, String name) {
        List<String> words = new ArrayList<>();
        for (String text : new String[] { email, email == null || email.indexOf('@') < 0 ? null : email.substring(0, email.indexOf('@')), name }) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String lower = text.trim().toLowerCase(Locale.ROOT);
            words.add(lower);
            for (String part : lower.split("[\\s._+@-]+")) {
                words.add(part);
            }
        }
        return words.stream().filter(word -> word.length() >= 4).distinct().toList();
    }

    /** The address, its part before '@', and the name and company, as words an attacker knows. */
    private static List<String> ownWords(String email, String name, String company) {
        List<String> words = new ArrayList<>();
        for (String text : new String[] { email, name, company }) {
            if (text != null && !text.isBlank()) {
                words.add(text.trim());
            }
        }
        if (email != null && email.indexOf('@') > 0) {
            words.add(email.substring(0, email.indexOf('@')).trim());
        }
        return words;
    }
}
