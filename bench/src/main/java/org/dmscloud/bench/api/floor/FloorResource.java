package org.dmscloud.bench.api.floor;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * The floor: a JAX-RS resource that does nothing, in the portal API's application, so that it passes the same
 * runtime, filters and Jetty as the platform's resources. What it answers is what the stack costs.
 */
@Path("bench/floor")
public class FloorResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String floor() {
        return "{\"floor\":true}";
    }
}
