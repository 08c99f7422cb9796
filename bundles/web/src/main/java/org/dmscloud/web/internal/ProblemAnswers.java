package org.dmscloud.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The portal's refusals for clients that are not browsers: the API's problem+json (the same {@code type}s), for an
 * address or a method no page serves. A browser asks for {@code text/html} and gets the portal's page instead; a
 * script or an API client that strayed out of {@code /api/v1} (a path with {@code ..} in it, say) gets an answer it
 * can read.
 */
final class ProblemAnswers {

    private static final String TYPE_BASE = "https://dmscloud.org/problems/";

    private ProblemAnswers() {
    }

    /** Whether the client asked for a page: browsers put {@code text/html} in {@code Accept}. */
    static boolean wantsPage(HttpServletRequest http) {
        String accept = http.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    static void write(HttpServletResponse answer, int status, String kind, String title, String detail) throws IOException {
        byte[] body = ("{\"type\":\"" + TYPE_BASE + kind + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        answer.setStatus(status);
        answer.setContentType("application/problem+json");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Cache-Control", "no-store");
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }
}
