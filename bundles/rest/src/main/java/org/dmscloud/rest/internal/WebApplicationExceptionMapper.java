package org.dmscloud.rest.internal;

import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * What JAX-RS itself refuses (no such path, wrong method, unsupported media type, unreadable body)
 * answered as a problem instead of the container's HTML page.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalApplication.SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /**
     * The kind (the end of the problem type) and the sentence for each status JAX-RS may refuse with.
     * Fixed sentences: the exception's own message may carry internals (class names, paths).
     */
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] { "bad-request", "The request could not be read." },
            401, new String[] { "unauthenticated", "Sign in first." },
            403, new String[] { "forbidden", "You may not do this." },
            404, new String[] { "not-found", "There is nothing at this address." },
            405, new String[] { "method-not-allowed", "This address does not accept that method." },
            406, new String[] { "not-acceptable", "This address cannot answer in the media type asked for." },
            413, new String[] { "payload-too-large", "The request is too large." },
            415, new String[] { "unsupported-media-type", "This address does not accept that media type; send application/json." });

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String[] known = KNOWN.get(status.getStatusCode());
        if (known != null) {
            return Problem.of(known[0], status, known[1]).toResponse();
        }
        String kind = status.getFamily() == Response.Status.Family.SERVER_ERROR ? "server-error" : "client-error";
        return Problem.of(kind, status, status.getReasonPhrase()).toResponse();
    }
}
