package org.dmscloud.api.payment;

/** The payment provider refused or failed to start a top-up; the message says so in words for customers. */
public class TopUpFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopUpFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
