package org.dmscloud.web.internal;

import java.util.List;

/**
 * The Contact Us form as the visitor left it, and the token that proves the form was this site's own
 * ({@link FormTokens}).
 */
public record ContactForm(String csrf, List<Topic> topics, Fields fields) {

    public ContactForm {
        topics = List.copyOf(topics);
    }

    public String value(String field) {
        return fields.value(field);
    }

    public String error(String field) {
        return fields.error(field);
    }

    public String invalid(String field) {
        return fields.invalid(field);
    }

    /** The form's errors in the order of its fields, each with the id of the field it is about, for the summary above them. */
    public List<FieldError> errorsInOrder() {
        return java.util.stream.Stream.of("name", "email", "company", "topic", "message").filter(field -> !error(field).isEmpty())
                .map(field -> new FieldError("contact-" + field, error(field))).toList();
    }

    /** What is wrong with a field, and the id of its input. */
    public record FieldError(String inputId, String message) {
    }

    /** A topic: its name on the wire and its title for people. */
    public record Topic(String name, String title) {
    }
}
