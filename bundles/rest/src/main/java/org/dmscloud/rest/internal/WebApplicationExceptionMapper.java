package org.dmscloud.rest.internal;

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

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return Problem.of(kindOf(status), status, detailOf(status)).toResponse();
    }

    private static String kindOf(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.getFamily() == Response.Status.Family.SERVER_ERROR ? "server-error" : "client-error";
        };
    }

    /** Fixed sentences: the exception's own message may carry internals (class names, paths). */
    private static String detailOf(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type asked for.";
            case 415 -> "This address does not accept that media type; send application/json.";
            default -> status.getReasonPhrase();
        };
    }
}
