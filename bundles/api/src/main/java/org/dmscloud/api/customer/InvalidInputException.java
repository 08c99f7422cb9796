package org.dmscloud.api.customer;

import java.util.Map;

/** Input a person can correct: each offending field with what is wrong with it. */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    public InvalidInputException(Map<String, String> fields) {
        super("Some fields are not valid: " + fields);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
