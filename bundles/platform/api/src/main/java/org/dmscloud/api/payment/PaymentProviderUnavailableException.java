package org.dmscloud.api.payment;

import org.dmscloud.api.problem.ApiProblem;

/**
 * The provider cannot take a top-up now. The message is for customers; the reason, for operators, is
 * kept apart so that it is logged and never shown to them.
 */
public class PaymentProviderUnavailableException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    private final String operatorReason;

    public PaymentProviderUnavailableException(String displayName, String operatorReason) {
        super(displayName + " cannot take payments right now. Please choose another way to pay, or try again later.");
        this.operatorReason = operatorReason;
    }

    public String operatorReason() {
        return operatorReason;
    }

    @Override
    public String problemType() {
        return "payment-provider-unavailable";
    }

    @Override
    public int problemStatus() {
        return 503;
    }
}
