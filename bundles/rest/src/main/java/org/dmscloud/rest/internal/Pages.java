package org.dmscloud.rest.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The few HTML pages that mail links open, until the web portal serves them. Everything shown is escaped. */
final class Pages {

    private Pages() {
    }

    static Response page(int status, String title, String message) {
        return html(status, title, "<p>" + escape(message) + "</p>");
    }

    static Response passwordForm(String token, String problem) {
        String error = problem.isEmpty() ? "" : "<p role=\"alert\">" + escape(problem) + "</p>";
        return html(200, "Choose a new password", error
                + "<form method=\"post\" action=\"password-reset\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + "<label>New password (10 to 200 characters) <input type=\"password\" name=\"newPassword\" minlength=\"10\" maxlength=\"200\" required></label> "
                + "<button type=\"submit\">Set password</button></form>");
    }

    private static Response html(int status, String title, String body) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + " – DMS Cloud</title></head>"
                + "<body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'").header("Referrer-Policy", "no-referrer").build();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
            case '<' -> escaped.append("&lt;");
            case '>' -> escaped.append("&gt;");
            case '&' -> escaped.append("&amp;");
            case '"' -> escaped.append("&quot;");
            case '\'' -> escaped.append("&#39;");
            default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
