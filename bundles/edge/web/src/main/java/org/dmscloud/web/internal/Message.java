package org.dmscloud.web.internal;

/** A page that only says something: not found, sent, refused. */
public record Message(Page page, String text) {
}
