package org.dmscloud.api.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A document issued for a top-up, such as an invoice.
 *
 * @param kind   what it is, e.g. "invoice"
 * @param number unique across all documents, e.g. "DMS-2026-000042"
 */
public record TopUpDocument(long id, TopUpId topUp, String kind, String number, String fileName, String contentType,
        Instant createdAt) {

    public TopUpDocument {
        Objects.requireNonNull(topUp, "topUp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
