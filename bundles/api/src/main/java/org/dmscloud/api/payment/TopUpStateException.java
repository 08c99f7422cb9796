package org.dmscloud.api.payment;

/** The top-up is not in a state that allows this, e.g. cancelling one that was paid. */
public class TopUpStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopUpStateException(String message) {
        super(message);
    }
}
