package org.dmscloud.rest.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * The few HTML pages that mail links open, until the web portal serves them, and the page of a closed portal.
 * Each carries the brand of the tenant whose host it was asked at, as that tenant's mails do. Everything
 * shown is escaped.
 */
final class Pages {

    /** Nothing to load, nothing to send anywhere but back to this page's own form. */
    private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", "default-src 'none'; form-action 'self'",
            "Referrer-Policy", "no-referrer");

    private Pages() {
    }

    static Response page(int status, String brand, String title, String message) {
        return html(status, brand, title, paragraph(message));
    }

    /** The same page, written from a servlet filter before JAX-RS sees the request. */
    static void write(HttpServletResponse answer, int status, String brand, String title, String message) throws IOException {
        answer.setStatus(status);
        answer.setContentType(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8").toString());
        answer.setCharacterEncoding("UTF-8");
        HEADERS.forEach(answer::setHeader);
        answer.getWriter().write(document(brand, title, paragraph(message)));
    }

    static Response passwordForm(String brand, String token, String problem) {
        String error = problem.isEmpty() ? "" : "<p role=\"alert\">" + escape(problem) + "</p>";
        return html(200, brand, "Choose a new password", error
                + "<form method=\"post\" action=\"password-reset\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + "<label>New password (10 to 200 characters) <input type=\"password\" name=\"newPassword\" minlength=\"10\" maxlength=\"200\" required></label> "
                + "<button type=\"submit\">Set password</button></form>");
    }

    private static Response html(int status, String brand, String title, String body) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(document(brand, title, body));
        HEADERS.forEach(answer::header);
        return answer.build();
    }

    /** A page titled "title – brand"; without a brand (a host no tenant has), the title alone. */
    private static String document(String brand, String title, String body) {
        String pageTitle = brand.isEmpty() ? escape(title) : escape(title) + " – " + escape(brand);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + pageTitle + "</title></head>"
                + "<body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String paragraph(String message) {
        return "<p>" + escape(message) + "</p>";
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
