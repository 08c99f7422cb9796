package org.dmscloud.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Protection of the portal's forms against cross-site request forgery: each browser gets a random token in a
 * cookie that only this host can set and read ({@code SameSite=Strict}, {@code HttpOnly}; over TLS with the
 * {@code __Host-} prefix, so that no sibling host name can plant one), and every form carries the same token in
 * a hidden field. A post whose field does not match its cookie is refused: another site can make a browser
 * post, but can neither read the cookie nor set it.
 */
final class FormTokens {

    static final String FIELD = "csrf";
    private static final String COOKIE = "dms-form";
    private static final String SECURE_COOKIE = "__Host-dms-form";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {
    }

    /** This browser's token, given to it now in a cookie if it has none yet. */
    static String issue(HttpServletRequest http, HttpServletResponse answer) {
        String existing = cookie(http);
        if (existing != null) {
            return existing;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean secure = secure(http);
        // Set-Cookie written out: the Servlet 3.1 Cookie class has no SameSite.
        answer.addHeader("Set-Cookie", (secure ? SECURE_COOKIE : COOKIE) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
        return token;
    }

    /** Whether this post carries, in its form, the token its browser's cookie holds. */
    static boolean accepts(HttpServletRequest http) {
        String cookie = cookie(http);
        String field = http.getParameter(FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String cookie(HttpServletRequest http) {
        Cookie[] cookies = http.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = secure(http) ? SECURE_COOKIE : COOKIE;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && cookie.getValue() != null && TOKEN.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * Whether the browser reached us over TLS: directly, or through a proxy that ended TLS and says so. A client that
     * claims TLS over plain HTTP only gets a cookie its own browser will not send back.
     */
    static boolean secure(HttpServletRequest http) {
        return http.isSecure() || "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto"));
    }
}
