package org.dmscloud.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A refusal in the portal API's problem shape (RFC 9457, application/problem+json), for answers given where JAX-RS
 * does not run: the web server's own refusals and the web portal's answers to clients that are not browsers. The
 * {@code type}s are the API's, so a client acts on them alike wherever the answer came from.
 */
public final class ProblemAnswer {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the kinds of problems are documented; a type is this plus the kind, e.g. {@code .../not-found}. */
    public static final String TYPE_BASE = "https://dmscloud.org/problems/";

    private ProblemAnswer() {
    }

    /**
     * Whether the client asked for a page rather than data: browsers put {@code text/html} in {@code Accept}, scripts
     * and API clients do not. A page goes to a person; everyone else gets the problem.
     */
    public static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The problem's JSON: its type (from {@code kind}), title, status and detail. */
    public static String json(int status, String kind, String title, String detail) {
        return "{\"type\":" + quoted(TYPE_BASE + kind) + ",\"title\":" + quoted(title) + ",\"status\":" + status + ",\"detail\":"
                + quoted(detail) + "}";
    }

    /** Answers with the problem, not to be cached nor sniffed as anything else. */
    public static void write(HttpServletResponse answer, int status, String kind, String title, String detail) throws IOException {
        byte[] body = json(status, kind, title, detail).getBytes(StandardCharsets.UTF_8);
        answer.setStatus(status);
        answer.setContentType(MEDIA_TYPE);
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Cache-Control", "no-store");
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
