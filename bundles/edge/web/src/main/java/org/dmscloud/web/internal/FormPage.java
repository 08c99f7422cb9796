package org.dmscloud.web.internal;

/**
 * A page whose point is one form: sign in, register, a new password.
 *
 * @param notice what the page says above the form (that the address is now verified, say); may be empty
 */
public record FormPage(Page page, Fields fields, String notice) {
}
