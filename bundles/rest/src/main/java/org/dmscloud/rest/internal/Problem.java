package org.dmscloud.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.http.ProblemAnswer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one shape of every error the portal API answers (RFC 9457, application/problem+json). {@code type}
 * is stable per kind of problem, so clients can act on it; {@code detail} is for the person reading it.
 * Some kinds add members: {@code errors} (validation: each field and what is wrong), {@code needed} and
 * {@code balance} (insufficient funds), {@code item} (the package or option that cannot be priced now).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, @Schema(nullable = true) List<FieldError> errors,
        @Schema(nullable = true) MoneyView needed, @Schema(nullable = true) MoneyView balance, @Schema(nullable = true) String item) {

    static final MediaType MEDIA_TYPE = MediaType.valueOf(ProblemAnswer.MEDIA_TYPE);

    private static final ObjectWriter JSON = JsonProvider.objectMapper().writerFor(Problem.class);

    /** Where the kinds of problems are documented; a type is this plus the kind, e.g. {@code .../not-found}. */
    static final String TYPE_BASE = ProblemAnswer.TYPE_BASE;

    /** A field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    static Problem of(String kind, Response.StatusType status, String detail) {
        return of(kind, status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    static Problem of(String kind, int status, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, null, null, null, null);
    }

    static Problem validation(String detail, Map<String, String> fields) {
        List<FieldError> errors = fields.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        return new Problem(URI.create(TYPE_BASE + "validation"), "Bad Request", 400, detail, errors, null, null, null);
    }

    Problem withFunds(MoneyView neededAmount, MoneyView currentBalance) {
        return new Problem(type, title, status, detail, errors, neededAmount, currentBalance, item);
    }

    Problem withItem(String itemId) {
        return new Problem(type, title, status, detail, errors, needed, balance, itemId);
    }

    Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    Response toResponse() {
        return toResponseBuilder().build();
    }

    /** The problem as JSON, written by the mapper the API writes it with, for answers given outside JAX-RS. */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON: " + this, e);
        }
    }

    /** Answers with this problem from a servlet filter, before JAX-RS sees the request. */
    void writeTo(HttpServletResponse answer) throws IOException {
        answer.setStatus(status);
        answer.setContentType(MEDIA_TYPE.toString());
        answer.setCharacterEncoding("UTF-8");
        answer.getWriter().write(toJson());
    }
}
