package org.dmscloud.rest.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;

import org.dmscloud.http.Markup;

/**
 * The page of a closed portal or an unknown host, written before any tenant's web portal can answer: in the
 * brand of the tenant whose host it was asked at, if any. Everything shown is escaped.
 */
final class Pages {

    /** Nothing to load, nothing to send anywhere. */
    private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", "default-src 'none'; form-action 'none'",
            "Referrer-Policy", "no-referrer");

    private Pages() {
    }

    /** The page, written from a servlet filter before JAX-RS or the web portal sees the request. */
    static void write(HttpServletResponse answer, int status, String brand, String title, String message) throws IOException {
        answer.setStatus(status);
        answer.setContentType(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8").toString());
        answer.setCharacterEncoding("UTF-8");
        HEADERS.forEach(answer::setHeader);
        answer.getWriter().write(document(brand, title, paragraph(message)));
    }

    /** A page titled "title – brand"; without a brand (a host no tenant has), the title alone. */
    private static String document(String brand, String title, String body) {
        String pageTitle = brand.isEmpty() ? Markup.escape(title) : Markup.escape(title) + " – " + Markup.escape(brand);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + pageTitle + "</title></head>"
                + "<body><h1>" + Markup.escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String paragraph(String message) {
        return "<p>" + Markup.escape(message) + "</p>";
    }
}
