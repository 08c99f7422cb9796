package org.dmscloud.spi.catalog;

/** A pricing plugin cannot price a configuration; the message says why, in words a customer understands. */
public class UnpricedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnpricedException(String message) {
        super(message);
    }
}
