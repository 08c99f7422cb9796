package org.dmscloud.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/** How a provider makes a numbered document, such as an invoice, for a top-up. */
@ConsumerType
public interface DocumentTemplate {

    /** What the document is, e.g. "invoice". */
    String kind();

    /** The series numbered without gaps, e.g. "DMS-2026": numbers are the series, '-' and six digits. */
    String series();

    /** Makes the document with its number; called inside the transaction that stores and mails it. */
    RenderedDocument render(String number, TopUp topUp);

    /**
     * A document made, and the mail that sends it to the account's users.
     */
    record RenderedDocument(String fileName, String contentType, byte[] content, String mailSubject, String mailBody) {
    }
}
