package org.dmscloud.api.catalog;

import java.util.Map;

import org.dmscloud.api.problem.ApiProblem;

/**
 * A configuration that cannot be sold as asked: unknown or unpriced package or option, or a number of
 * devices outside the package's range. The message is written for the customer.
 */
public class InvalidConfigurationException extends IllegalArgumentException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the part of the configuration at fault: {@code packageId}, {@code expectedDevices} or {@code optionIds} */
    public InvalidConfigurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
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
    public Map<String, Object> problemMembers() {
        return Map.of(FIELD_ERRORS, Map.of(field(), getMessage()));
    }
}
