package org.dmscloud.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.problem.ApiProblem;
import org.dmscloud.http.ProblemAnswer;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one shape of every error the portal API answers (RFC 9457, application/problem+json). {@code type}
 * is stable per kind of problem, so clients can act on it; {@code detail} is for the person reading it.
 * Some kinds add members: {@code errors} (validation: each field and what is wrong), {@code needed} and
 * {@code balance} (insufficient funds), {@code item} (the package or option that cannot be priced now); a new
 * bundle's exception may add its own, written as members of the problem too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, @Schema(nullable = true) List<FieldError> errors,
        @Schema(nullable = true) MoneyView needed, @Schema(nullable = true) MoneyView balance, @Schema(nullable = true) String item,
        @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(hidden = true) Map<String, Object> extensions) {

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
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, null, null, null, null, Map.of());
    }

    /** The problem an exception says it is, with the members it gives: the documented ones typed, any other as text or number. */
    static Problem of(ApiProblem problem) {
        Response.Status known = Response.Status.fromStatusCode(problem.problemStatus());
        String title = known != null ? known.getReasonPhrase() : problem.problemStatus() >= 500 ? "Server Error" : "Client Error";
        Problem answer = of(problem.problemType(), problem.problemStatus(), title, problem.problemDetail());
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : problem.problemMembers().entrySet()) {
            Object value = member.getValue();
            switch (member.getKey()) {
            case ApiProblem.FIELD_ERRORS -> answer = answer.withErrors(value instanceof Map<?, ?> fields ? fields : Map.of("body", String.valueOf(value)));
            case ApiProblem.NEEDED -> answer = answer.withFunds(money(value), answer.balance);
            case ApiProblem.BALANCE -> answer = answer.withFunds(answer.needed, money(value));
            case ApiProblem.ITEM -> answer = answer.withItem(String.valueOf(value));
            default -> extensions.put(member.getKey(), value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
            }
        }
        return new Problem(answer.type, answer.title, answer.status, answer.detail, answer.errors, answer.needed, answer.balance, answer.item,
                Map.copyOf(extensions));
    }

    private static MoneyView money(Object value) {
        return value instanceof Money money ? MoneyView.of(money) : null;
    }

    private Problem withErrors(Map<?, ?> fields) {
        List<FieldError> list = fields.entrySet().stream().map(e -> new FieldError(String.valueOf(e.getKey()), String.valueOf(e.getValue()))).toList();
        return new Problem(type, title, status, detail, list, needed, balance, item, extensions);
    }

    static Problem validation(String detail, Map<String, String> fields) {
        return of("validation", Response.Status.BAD_REQUEST, detail).withErrors(fields);
    }

    private Problem withFunds(MoneyView neededAmount, MoneyView currentBalance) {
        return new Problem(type, title, status, detail, errors, neededAmount, currentBalance, item, extensions);
    }

    private Problem withItem(String itemId) {
        return new Problem(type, title, status, detail, errors, needed, balance, itemId, extensions);
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
