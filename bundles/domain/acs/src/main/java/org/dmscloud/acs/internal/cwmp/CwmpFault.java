package org.dmscloud.acs.internal.cwmp;

/**
 * The ACS fault codes of TR-069 (A.5.1, table "Fault codes for the ACS"): what the ACS answers, inside a SOAP Fault,
 * to a request it cannot take.
 */
public enum CwmpFault {
    METHOD_NOT_SUPPORTED(8000, "Method not supported"),
    REQUEST_DENIED(8001, "Request denied (no reason specified)"),
    INTERNAL_ERROR(8002, "Internal error"),
    INVALID_ARGUMENTS(8003, "Invalid arguments"),
    RESOURCES_EXCEEDED(8004, "Resources exceeded"),
    RETRY_REQUEST(8005, "Retry request");

    private final int code;
    private final String description;

    CwmpFault(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
