package org.dmscloud.rest.internal;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own bugs: logged in full with an incident id, answered with that id and nothing else, so that no
 * stack trace or internal detail ever reaches a client.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalApplication.SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: unexpected failure answering a portal API request", incident, exception);
        return Problem.of("server-error", Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again; if it persists, contact support with incident " + incident + ".")
                .toResponse();
    }
}
