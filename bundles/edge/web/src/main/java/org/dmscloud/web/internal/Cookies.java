package org.dmscloud.web.internal;

import java.time.Duration;
import java.util.regex.Pattern;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The portal's cookies: every one {@code HttpOnly} (no script reads it), on the whole host ({@code Path=/}), and
 * over TLS {@code Secure} with the {@code __Host-} prefix, so that no sibling host name can plant one.
 */
final class Cookies {

    private static final String HOST_PREFIX = "__Host-";

    private Cookies() {
    }

    /** How far a cookie travels with requests that other sites start. */
    enum SameSite {
        /** Never: for what only this site's own pages send. */
        STRICT("Strict"),
        /** Also with a link followed from elsewhere (a mail, the payment page coming back), never with another site's post. */
        LAX("Lax");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }
    }

    /** The cookie's value, if the browser sent it and it has the form this portal gives it. */
    static String read(HttpServletRequest http, String name, Pattern form) {
        Cookie[] cookies = http.getCookies();
        if (cookies == null) {
            return null;
        }
        String sent = nameOver(http, name);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(sent) && cookie.getValue() != null && form.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * Gives the browser this cookie.
     *
     * @param lifetime how long the browser keeps it; null for the browser's session only
     */
    static void give(HttpServletRequest http, HttpServletResponse answer, String name, String value, SameSite sameSite, Duration lifetime) {
        boolean secure = secure(http);
        // Set-Cookie written out: the Servlet 3.1 Cookie class has no SameSite.
        answer.addHeader("Set-Cookie", nameOver(http, name) + "=" + value + "; Path=/; HttpOnly; SameSite=" + sameSite.attribute
                + (lifetime == null ? "" : "; Max-Age=" + Math.max(0, lifetime.toSeconds())) + (secure ? "; Secure" : ""));
    }

    /** Tells the browser to forget this cookie. */
    static void forget(HttpServletRequest http, HttpServletResponse answer, String name) {
        give(http, answer, name, "", SameSite.STRICT, Duration.ZERO);
    }

    /**
     * Whether the browser reached us over TLS: directly, or through a proxy that ended TLS and says so. A client that
     * claims TLS over plain HTTP only gets a cookie its own browser will not send back.
     */
    static boolean secure(HttpServletRequest http) {
        return http.isSecure() || "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto"));
    }

    private static String nameOver(HttpServletRequest http, String name) {
        return secure(http) ? HOST_PREFIX + name : name;
    }
}
