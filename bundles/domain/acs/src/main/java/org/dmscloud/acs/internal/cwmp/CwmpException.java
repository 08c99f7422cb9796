package org.dmscloud.acs.internal.cwmp;

/** A request the ACS answers with a CWMP fault: its code, and a string that says what was wrong with it. */
public class CwmpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CwmpFault fault;

    public CwmpException(CwmpFault fault, String detail) {
        super(detail);
        this.fault = fault;
    }

    public CwmpFault fault() {
        return fault;
    }
}
