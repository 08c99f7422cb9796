package org.dmscloud.web.internal;

import java.util.Map;

/** A form's fields as the visitor left them, with what is wrong with them field by field. */
public record Fields(Map<String, String> values, Map<String, String> errors) {

    public Fields {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    static Fields empty() {
        return new Fields(Map.of(), Map.of());
    }

    static Fields of(Map<String, String> values) {
        return new Fields(values, Map.of());
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
}
