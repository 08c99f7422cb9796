package org.dmscloud.payment.banktransfer.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;

import org.dmscloud.api.payment.TopUpId;

/**
 * The structured creditor reference (ISO 11649, "RF" references) a customer quotes with the transfer, so
 * that the money is matched to its top-up. Banks across SEPA carry it in the structured remittance field,
 * and its check digits catch a mistyped reference before a payment is recorded against the wrong one.
 * <p>
 * The reference is made from the top-up's random id, so starting the same top-up twice gives the same
 * reference. It is digits only, although the standard allows letters, because people copy it by hand
 * from a PDF into their bank's form, where O and 0 or I and 1 are easily confused; 18 digits (60 bits)
 * make a clash between two top-ups vanishingly unlikely, and the database refuses one anyway.
 */
record PaymentReference(String compact) {

    private static final int BODY_LENGTH = 18;
    private static final BigInteger BODY_RANGE = BigInteger.TEN.pow(BODY_LENGTH);

    PaymentReference {
        if (!compact.startsWith("RF") || compact.length() > 25 || !Mod97.isValid(compact)) {
            throw new IllegalArgumentException("'" + compact + "' is not a valid RF payment reference: check it for typing mistakes");
        }
    }

    static PaymentReference of(TopUpId topUp) {
        ByteBuffer bits = ByteBuffer.allocate(16).putLong(topUp.value().getMostSignificantBits())
                .putLong(topUp.value().getLeastSignificantBits());
        String body = new BigInteger(1, bits.array()).mod(BODY_RANGE).toString();
        body = "0".repeat(BODY_LENGTH - body.length()) + body;
        return new PaymentReference("RF" + Mod97.checkDigits("RF", body) + body);
    }

    /** Reads a reference as a person typed it: spaces and lower case allowed. */
    static PaymentReference parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("a payment reference is needed, such as RF18 5390 0754 7034");
        }
        return new PaymentReference(Mod97.compact(typed.trim()));
    }

    /** In groups of four, as printed on the invoice. */
    String printed() {
        return Mod97.grouped(compact);
    }

    @Override
    public String toString() {
        return compact;
    }
}
