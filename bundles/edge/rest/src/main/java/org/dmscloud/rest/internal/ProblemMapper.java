package org.dmscloud.rest.internal;

import java.io.EOFException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.dmscloud.api.problem.ApiProblem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure of a portal API request as one problem+json answer: what a client can correct gets a 4xx
 * with a stable type and a sentence a person understands; our own bugs get a 500 with an incident id, and
 * the details go to the log only, never to the client.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalApplication.SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** Kinds and fixed sentences for what JAX-RS itself refuses; its own messages may carry internals. */
    private static final Map<Integer, String[]> REFUSALS = Map.of(
            400, new String[] { "bad-request", "The request could not be read." },
            401, new String[] { "unauthenticated", "Sign in first." },
            403, new String[] { "forbidden", "You may not do this." },
            404, new String[] { "not-found", "There is nothing at this address." },
            405, new String[] { "method-not-allowed", "This address does not accept that method." },
            406, new String[] { "not-acceptable", "This address cannot answer in the media type asked for." },
            413, new String[] { "payload-too-large", "The request body is too large." },
            415, new String[] { "unsupported-media-type", "This address does not accept that media type; send application/json." });

    /** A problem's kind, the last segment of its type URI. */
    private static final Pattern PROBLEM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,100})'");

    @Override
    public Response toResponse(Throwable exception) {
        if (clientWentAway(exception)) {
            // Not a failure of ours, and nobody is left to read an answer: a load test would otherwise leave hundreds of incidents.
            LOG.debug(CLIENT_GONE, exception);
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        return problemFor(exception).build();
    }

    static final String CLIENT_GONE = "The client closed the connection before its answer was written";

    /** What nginx and others log for a request whose client left first. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    /**
     * Whether the client closed or reset its connection: the container says so with an {@link EOFException} (Jetty's
     * EofException is one, for a body that ended early and for an answer that could not be written).
     */
    static boolean clientWentAway(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private Response.ResponseBuilder problemFor(Throwable exception) {
        if (exception instanceof WebApplicationException refused) {
            return refusal(refused);
        }
        if (exception instanceof JsonProcessingException && exception.getCause() instanceof WebApplicationException refused) {
            // Refused while the body was being read, e.g. by the size limit: the refusal, not the JSON, is the problem.
            return refusal(refused);
        }
        if (exception instanceof ApiProblem said) {
            Optional<Response.ResponseBuilder> answer = WellFormedProblem.read(said).flatMap(ProblemMapper::answer);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (exception instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: unexpected failure answering a portal API request", incident, exception);
        return Problem.of("server-error", Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again; if it persists, contact support with incident " + incident + ".")
                .toResponseBuilder();
    }

    private static Response.ResponseBuilder refusal(WebApplicationException refused) {
        Response.StatusType status = refused.getResponse().getStatusInfo();
        String[] known = REFUSALS.get(status.getStatusCode());
        if (known != null) {
            return Problem.of(known[0], status, known[1]).toResponseBuilder();
        }
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            LOG.error("Portal API request failed with {}", status.getStatusCode(), refused);
            return Problem.of("server-error", status, status.getReasonPhrase()).toResponseBuilder();
        }
        return Problem.of("client-error", status, status.getReasonPhrase()).toResponseBuilder();
    }

    /**
     * What an exception says of itself, read once and checked: a plugin's exception is code we do not control, and one
     * that says nonsense, throws anything while saying it, or would say something else when asked again is an incident
     * like any other.
     */
    private record WellFormedProblem(String problemType, int problemStatus, String problemDetail, Map<String, Object> problemMembers,
            Optional<Duration> problemRetryAfter, String getMessage) implements ApiProblem {

        static Optional<ApiProblem> read(ApiProblem said) {
            try {
                WellFormedProblem problem = new WellFormedProblem(said.problemType(), said.problemStatus(), said.problemDetail(),
                        Collections.unmodifiableMap(new LinkedHashMap<>(said.problemMembers())), said.problemRetryAfter(), said.getMessage());
                return problem.isWellFormed() ? Optional.of(problem) : Optional.empty();
            } catch (Throwable nonsense) {
                return Optional.empty();
            }
        }

        private boolean isWellFormed() {
            return problemStatus >= 400 && problemStatus <= 599 && problemType != null && PROBLEM_TYPE.matcher(problemType).matches()
                    && problemDetail != null && problemRetryAfter != null && problemRetryAfter.map(wait -> !wait.isNegative()).orElse(true);
        }
    }

    /** What the exception says it is; a dependency's failure (5xx) is logged, for it is ours to watch even when nothing was done. */
    private static Optional<Response.ResponseBuilder> answer(ApiProblem problem) {
        Response.ResponseBuilder answer;
        try {
            answer = Problem.of(problem).toResponseBuilder(); // writes its members' values as text: their toString is a plugin's too
        } catch (Throwable nonsense) {
            return Optional.empty();
        }
        if (problem.problemStatus() >= 500) {
            LOG.warn("Portal API request answered {} {}: {}", problem.problemStatus(), problem.problemType(), problem.getMessage());
        }
        problem.problemRetryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
        return Optional.of(answer);
    }

    /** Malformed JSON, wrong types, unknown or repeated fields, numbers out of range: what and where, never a stack trace. */
    private static Response.ResponseBuilder unreadableJson(JsonProcessingException json) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(json.getOriginalMessage()));
        if (json instanceof JsonParseException && duplicate.find()) {
            return Problem.validation("Some fields are not valid.", Map.of(duplicate.group(1), "This field is given more than once."))
                    .toResponseBuilder();
        }
        if ((json instanceof JsonParseException && !(json instanceof InputCoercionException))
                || String.valueOf(json.getOriginalMessage()).startsWith("Trailing token")) {
            return Problem.of("bad-request", Response.Status.BAD_REQUEST, "The body is not valid JSON.").toResponseBuilder();
        }
        String field = json instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (json instanceof UnrecognizedPropertyException) {
            message = "There is no field '" + field + "' here.";
        } else if (json instanceof InputCoercionException || json.getCause() instanceof InputCoercionException) {
            message = "This number is out of range.";
        } else if (json instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = expected(mismatched.getTargetType());
        } else {
            message = "This value has the wrong type or form.";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field.isEmpty() ? "body" : field, message);
        return Problem.validation("Some fields are not valid.", fields).toResponseBuilder();
    }

    /** What to send instead, in the terms of JSON: values are never converted from another type. */
    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return "Send text (a JSON string) here.";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "Send a whole number (a JSON number without a fraction) here.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Send true or false here.";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Send a list (a JSON array) here.";
        }
        return "Send an object (in braces) here.";
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
