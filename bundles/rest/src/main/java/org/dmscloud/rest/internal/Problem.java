package org.dmscloud.rest.internal;

import java.net.URI;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * The one shape of every error the portal API answers (RFC 9457, application/problem+json). {@code type}
 * is stable per kind of problem, so clients can act on it; {@code detail} is for the person reading it.
 */
public record Problem(URI type, String title, int status, String detail) {

    static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** Where the kinds of problems are documented; a type is this plus the kind, e.g. {@code .../not-found}. */
    static final String TYPE_BASE = "https://dmscloud.org/problems/";

    static Problem of(String kind, Response.StatusType status, String detail) {
        return new Problem(URI.create(TYPE_BASE + kind), status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
