package org.dmscloud.api.payment;

/** No such top-up, or not one the caller may see. */
public class TopUpNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopUpNotFoundException(String what) {
        super("There is no top-up " + what + ".");
    }
}
