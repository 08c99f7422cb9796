package org.dmscloud.api.customer;

import java.util.Map;

import org.dmscloud.api.problem.ApiProblem;

/** Input a person can correct: each offending field with what is wrong with it. */
public class InvalidInputException extends IllegalArgumentException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    public InvalidInputException(Map<String, String> fields) {
        super("Some fields are not valid: " + fields);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public String problemType() {
        return "validation";
    }

    @Override
    public int problemStatus() {
        return 400;
    }

    @Override
    public String problemDetail() {
        return "Some fields are not valid.";
    }

    @Override
    public Map<String, Object> problemMembers() {
        return Map.of(FIELD_ERRORS, fields);
    }
}
