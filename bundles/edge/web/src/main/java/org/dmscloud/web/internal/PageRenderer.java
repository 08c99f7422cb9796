package org.dmscloud.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Writes a page: its template (compiled to Java at build time from {@code src/main/jte}, which escapes every
 * value for where it stands in the HTML) with its model, and the headers every page carries. The
 * Content-Security-Policy allows only this host's own style sheets and scripts, none inline, so that text a
 * customer or a tenant typed can never run as script even if some escaping failed.
 */
final class PageRenderer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final TemplateEngine templates = compiledTemplates();

    /**
     * Whether a cache may keep the page. Even the landing page carries its visitor's form token, so no shared cache
     * may keep any page; the browser may keep one it must check again, and never one with personal data.
     */
    enum Caching {
        PUBLIC("private, no-cache"), PERSONAL("no-store");

        private final String header;

        Caching(String header) {
            this.header = header;
        }
    }

    void write(HttpServletResponse answer, int status, String template, Object model, Caching caching) throws IOException {
        byte[] body = html(template, model).getBytes(StandardCharsets.UTF_8);
        answer.setStatus(status);
        answer.setContentType("text/html;charset=UTF-8");
        answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        answer.setHeader("Referrer-Policy", "same-origin");
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("Cache-Control", caching.header);
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }

    /** The page's HTML. */
    String html(String template, Object model) {
        StringOutput html = new StringOutput();
        templates.render(template, model, html);
        return html.toString();
    }

    /**
     * The templates compiled into this bundle. jte loads them through the class loader that is the thread's context
     * class loader when the engine is made (it ignores the one it is given), which in OSGi is whoever's thread
     * this is, the web container's for a servlet: this bundle's own is put there for that moment.
     */
    private static TemplateEngine compiledTemplates() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PageRenderer.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, PageRenderer.class.getClassLoader(), "org.dmscloud.web.internal.pages");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
