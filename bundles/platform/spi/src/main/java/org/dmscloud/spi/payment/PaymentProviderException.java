package org.dmscloud.spi.payment;

/**
 * A payment provider refused a request or could not reach its payment system. The message is shown to
 * customers, so it says what happened in their words and carries no internals; the cause is logged.
 */
public class PaymentProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentProviderException(String message) {
        super(message);
    }
}
