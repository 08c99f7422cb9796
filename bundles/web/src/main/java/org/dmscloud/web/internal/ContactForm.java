package org.dmscloud.web.internal;

import java.util.List;
import java.util.Map;

/**
 * The Contact Us form as the visitor left it, with what is wrong with it field by field, and the token that
 * proves the form was this site's own ({@link FormTokens}).
 */
public record ContactForm(String csrf, List<Topic> topics, Map<String, String> values, Map<String, String> errors) {

    public ContactForm {
        topics = List.copyOf(topics);
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** For {@code aria-invalid}: whether the field has an error, as {@code true} or {@code false}. */
    public String invalid(String field) {
        return Boolean.toString(errors.containsKey(field));
    }

    /** A topic: its name on the wire and its title for people. */
    public record Topic(String name, String title) {
    }
}
