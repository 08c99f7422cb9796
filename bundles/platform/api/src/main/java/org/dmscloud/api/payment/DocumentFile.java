package org.dmscloud.api.payment;

import java.util.Objects;

/** A document with its bytes, e.g. an invoice's PDF. */
public record DocumentFile(TopUpDocument document, byte[] content) {

    public DocumentFile {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(content, "content");
    }
}
