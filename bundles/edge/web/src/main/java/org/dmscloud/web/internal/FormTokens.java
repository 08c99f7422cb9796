package org.dmscloud.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Protection of the portal's forms against cross-site request forgery: each browser gets a random token in a
 * cookie that only this host can set and read ({@code SameSite=Strict}, see {@link Cookies}), and every form
 * carries the same token in a hidden field. A post whose field does not match its cookie is refused: another site
 * can make a browser post, but can neither read the cookie nor set it.
 */
final class FormTokens {

    static final String FIELD = "csrf";
    private static final String COOKIE = "dms-form";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {
    }

    /** This browser's token, given to it now in a cookie if it has none yet. */
    static String issue(HttpServletRequest http, HttpServletResponse answer) {
        String existing = Cookies.read(http, COOKIE, TOKEN);
        if (existing != null) {
            return existing;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Cookies.give(http, answer, COOKIE, token, Cookies.SameSite.STRICT, null);
        return token;
    }

    /** Whether this post carries, in its form, the token its browser's cookie holds. */
    static boolean accepts(HttpServletRequest http) {
        String cookie = Cookies.read(http, COOKIE, TOKEN);
        String field = http.getParameter(FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
