package org.dmscloud.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.api.customer.Session;

/**
 * The signed-in browser's session: the same session token the API takes as a bearer token, kept in an
 * {@code HttpOnly} cookie (no script can read it; nothing is in the browser's storage) until the session expires.
 * {@code SameSite=Lax}, so that coming back from a mail's link or the payment page finds the customer still signed
 * in, while another site's post never carries it (every form also has its {@link FormTokens form token}).
 */
final class SessionCookie {

    private static final String NAME = "dms-session";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SessionCookie() {
    }

    /** The session token this browser sent, if any. */
    static String token(HttpServletRequest http) {
        return Cookies.read(http, NAME, TOKEN);
    }

    static void give(HttpServletRequest http, HttpServletResponse answer, Session session, Instant now) {
        Cookies.give(http, answer, NAME, session.token(), Cookies.SameSite.LAX, Duration.between(now, session.expiresAt()));
    }

    static void forget(HttpServletRequest http, HttpServletResponse answer) {
        Cookies.forget(http, answer, NAME);
    }
}
