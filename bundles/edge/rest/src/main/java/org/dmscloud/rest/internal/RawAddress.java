package org.dmscloud.rest.internal;

/**
 * Whether a request's address, as the client sent it, is one: its path and query hold only the characters RFC 3986
 * allows there unencoded, and every '%' starts an escape. A careless client sends spaces, braces, quotes or brackets
 * raw (an unexpanded {@code {id}} from an OpenAPI document, say); Jetty takes them, but the API's JAX-RS runtime builds a
 * {@link java.net.URI} of the address and would fail with a server error.
 */
final class RawAddress {

    private RawAddress() {
    }

    /** @param path the path as sent, undecoded; @param query the query as sent, or null */
    static boolean isWellFormed(String path, String query) {
        return path != null && allOf(path, false) && (query == null || allOf(query, true));
    }

    private static boolean allOf(String part, boolean isQuery) {
        int length = part.length();
        for (int i = 0; i < length; i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= length || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isPathCharacter(c) && !(isQuery && (c == '?'))) {
                return false;
            }
        }
        return true;
    }

    /** unreserved, sub-delims, ':', '@' and '/' (RFC 3986, 3.3 and 3.4). */
    private static boolean isPathCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
