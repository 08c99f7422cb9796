package org.dmscloud.api.mail;

import java.util.Objects;

/** A file sent with a mail, such as an invoice's PDF. */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
