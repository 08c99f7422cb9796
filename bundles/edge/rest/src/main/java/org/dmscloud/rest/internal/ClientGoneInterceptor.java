package org.dmscloud.rest.internal;

import java.io.IOException;

import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An answer whose client has gone (closed or reset the connection) cannot be written, and that is no
 * failure of ours: it is dropped here, at DEBUG, before CXF would log it as an error with a stack trace
 * and hand it to {@link ProblemMapper} as an incident. A load test or an impatient browser leaves many.
 */
@Component(service = WriterInterceptor.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalApplication.SELECT)
public class ClientGoneInterceptor implements WriterInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (JsonProcessingException e) {
            throw e; // an answer Jackson could not write: our bug, for the mapper to report
        } catch (IOException e) {
            // Writing the answer is writing to the client's connection: it is the connection that failed.
            LOG.debug(ProblemMapper.CLIENT_GONE, e);
        } catch (RuntimeException e) {
            if (!ProblemMapper.clientWentAway(e)) {
                throw e;
            }
            LOG.debug(ProblemMapper.CLIENT_GONE, e);
        }
    }
}
