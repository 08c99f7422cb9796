package org.dmscloud.rest.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * In front of everything the platform serves over HTTP (the portal API, the webhooks, the API docs):
 * {@code X-Content-Type-Options: nosniff} on every answer, so that no browser runs an answer as something
 * it is not; {@code Cache-Control: no-store} on the sign-in answer (it carries a session token) and on
 * every answer to a signed-in request (they carry the account's data), so that no cache keeps them; and
 * CXF's self-description ({@code ?_wadl}), which describes internals a client has no use for, answered as
 * an address where nothing is.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("dmscloud-security-headers") // Pax Web keeps one filter per name, and names them all alike by default
@HttpWhiteboardFilterPattern("/*")
// Every servlet context: the JAX-RS whiteboard serves its applications from one of its own.
@HttpWhiteboardContextSelect("(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=*)")
public class SecurityHeadersFilter extends HttpFilter {

    static final String SIGN_IN_PATH = "/api/v1/auth/sign-in";

    @Override
    void doFilter(HttpServletRequest http, HttpServletResponse answer, FilterChain chain) throws IOException, ServletException {
        answer.setHeader("X-Content-Type-Options", "nosniff");
        if (http.getHeader("Authorization") != null || SIGN_IN_PATH.equals(http.getRequestURI())) {
            answer.setHeader("Cache-Control", "no-store");
        }
        if (asksForWadl(http.getQueryString())) {
            Problem.of("not-found", 404, "Not Found", "There is nothing at this address.").writeTo(answer);
            return;
        }
        chain.doFilter(http, answer);
    }

    /** Whether the query names the parameter {@code _wadl}, however written; its value does not matter to CXF. */
    static boolean asksForWadl(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("[&;]")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            try {
                if (URLDecoder.decode(name, StandardCharsets.UTF_8).trim().equalsIgnoreCase("_wadl")) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                // not a name CXF could read either
            }
        }
        return false;
    }
}
