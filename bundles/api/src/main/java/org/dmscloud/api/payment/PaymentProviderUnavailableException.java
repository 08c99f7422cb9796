package org.dmscloud.api.payment;

/**
 * The provider cannot take a top-up now. The message is for customers; the reason, for operators, is
 * kept apart so that it is logged and never shown to them.
 */
public class PaymentProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operatorReason;

    public PaymentProviderUnavailableException(String displayName, String operatorReason) {
        super(displayName + " cannot take payments right now. Please choose another way to pay, or try again later.");
        this.operatorReason = operatorReason;
    }

    public String operatorReason() {
        return operatorReason;
    }
}
