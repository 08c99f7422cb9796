package org.dmscloud.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.http.ProblemAnswer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Jetty's own answers in the portal's shape. A request too malformed for any servlet to see (a NUL or an
 * ambiguous encoding in its path, broken framing) is answered by Jetty before the portal, with an HTML page
 * of its own; here it is application/problem+json like every other refusal, naming no internals. Pax Web
 * adds every Jetty {@link Handler} service to its server; this one handles no request itself and only
 * gives the server its error handler while it is there.
 * <p>
 * Pax Web restarts Jetty whenever such a service comes or goes. Its bundle is therefore installed with the web
 * server, in the first boot stage, and not with the API: a restart while the JAX-RS whiteboard was starting
 * made Aries fail (a ConcurrentModificationException in its trackers), and the API never came up.
 */
@Component(service = Handler.class)
public class JettyProblemAnswers extends AbstractHandler {

    private volatile Server server;
    private volatile ErrorHandler replaced;

    @Override
    public void setServer(Server newServer) {
        super.setServer(newServer);
        if (newServer != null && newServer != server) {
            server = newServer;
            replaced = newServer.getErrorHandler();
            ProblemErrorHandler problems = new ProblemErrorHandler();
            // Told its server first: the server starts it as it takes it, and a started handler cannot be told.
            problems.setServer(newServer);
            newServer.setErrorHandler(problems);
        }
    }

    @Deactivate
    void restore() {
        Server current = server;
        if (current != null && current.getErrorHandler() instanceof ProblemErrorHandler) {
            ErrorHandler restored = replaced == null ? new ErrorHandler() : replaced;
            restored.setServer(current);
            current.setErrorHandler(restored);
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) {
        // Requests are the servlets' to answer; this handler only installs the error handler.
    }

    /** Jetty's error handler, answering problem+json whatever the request accepts. */
    static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, ProblemAnswer.MEDIA_TYPE);
            fields.put("X-Content-Type-Options", "nosniff");
            return ByteBuffer.wrap(problem(status, "The request is malformed (its address, headers or framing) and could not be read.")
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
                String message) throws IOException {
            baseRequest.setHandled(true);
            response.setContentType(ProblemAnswer.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.getWriter().write(problem(code, code == 404 ? "There is nothing at this address." : "The request could not be answered."));
        }

        static String problem(int status, String detail) {
            String kind = status == 404 ? "not-found" : status >= 500 ? "server-error" : "bad-request";
            return ProblemAnswer.json(status, kind, HttpStatus.getMessage(status), detail);
        }
    }
}
