package org.dmscloud.rest.internal;

import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;

import org.dmscloud.api.web.PortalRequests;

/**
 * The address of a portal request's client, as {@link TenantHostFilter} found it: the connection's, or behind a
 * trusted reverse proxy the one that proxy saw. Sign-in and contact limits count against it, so behind a load
 * balancer it must not be the balancer's own address, which every client would share.
 */
final class RequestClient {

    static final String ATTRIBUTE = PortalRequests.CLIENT_ADDRESS;
    /** Longer than any IPv6 address with its zone: a header is not stored whole. */
    private static final int MAX_LENGTH = 64;

    private RequestClient() {
    }

    static String addressOf(ServletRequest request) {
        Object address = request.getAttribute(ATTRIBUTE);
        if (!(address instanceof String found)) {
            throw new IllegalStateException("no client address was found for this request: is TenantHostFilter in front of the portal?");
        }
        return found;
    }

    /**
     * The client's address: the last of the trusted header's addresses (a proxy that appends puts the address it saw
     * last; those before it are whatever the client sent), else the connection's.
     */
    static String find(HttpServletRequest http, String trustedHeader) {
        String forwarded = trustedHeader.isEmpty() ? null : http.getHeader(trustedHeader);
        String address = http.getRemoteAddr();
        if (forwarded != null && !forwarded.isBlank()) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            address = last.isEmpty() ? address : last;
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
