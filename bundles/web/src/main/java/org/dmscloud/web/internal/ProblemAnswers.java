package org.dmscloud.web.internal;

import javax.servlet.http.HttpServletRequest;

/**
 * The portal's refusals for clients that are not browsers: the API's problem+json (the same {@code type}s), for an
 * address or a method no page serves. A browser asks for {@code text/html} and gets the portal's page instead; a
 * script or an API client that strayed out of {@code /api/v1} (a path with {@code ..} in it, say) gets an answer it
 * can read ({@link org.dmscloud.http.ProblemAnswer}).
 */
final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /** Whether the client asked for a page: browsers put {@code text/html} in {@code Accept}. */
    static boolean wantsPage(HttpServletRequest http) {
        String accept = http.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

}
