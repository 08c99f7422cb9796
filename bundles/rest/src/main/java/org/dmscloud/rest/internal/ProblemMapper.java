package org.dmscloud.rest.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.acs.DeviceNotFoundException;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.QuoteMismatchException;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.contact.ContactRateLimitException;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.InvalidTokenException;
import org.dmscloud.api.customer.SignInRefusedException;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.TopUpFailedException;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpStateException;
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
    /** What an unavailable database asks of clients: about how long the nodes' health takes to see it back. */
    private static final int UNAVAILABLE_RETRY_SECONDS = 5;

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

    /** Jetty's own word for a connection the client closed; matched by name so that this bundle need not import Jetty. */
    private static final String JETTY_EOF = "org.eclipse.jetty.io.EofException";
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

    static boolean clientWentAway(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().equals(JETTY_EOF)) {
                return true;
            }
            if (cause instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe") || io.getMessage().contains("Connection reset by peer"))) {
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
        if (exception instanceof InvalidInputException invalid) {
            return Problem.validation("Some fields are not valid.", invalid.fields()).toResponseBuilder();
        }
        if (exception instanceof InvalidConfigurationException invalid) {
            return Problem.validation(invalid.getMessage(), Map.of(invalid.field(), invalid.getMessage())).toResponseBuilder();
        }
        if (exception instanceof PricingUnavailableException unpriced) {
            // A plugin's failure, logged where it failed: nothing was done, and the item is named.
            return Problem.of("pricing-unavailable", Response.Status.SERVICE_UNAVAILABLE, unpriced.getMessage()).withItem(unpriced.item())
                    .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, PricingUnavailableException.RETRY_AFTER_SECONDS);
        }
        if (exception instanceof InsufficientFundsException funds) {
            return Problem.of("insufficient-funds", Response.Status.PAYMENT_REQUIRED, funds.getMessage())
                    .withFunds(MoneyView.of(funds.needed()), MoneyView.of(funds.balance())).toResponseBuilder();
        }
        if (exception instanceof InstanceNotFoundException || exception instanceof AccountNotFoundException
                || exception instanceof DeviceNotFoundException) {
            return Problem.of("not-found", Response.Status.NOT_FOUND, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof InstanceAcsResource.CredentialsShownException) {
            return Problem.of("credentials-shown", Response.Status.CONFLICT, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof QuoteMismatchException) {
            return Problem.of("quote-mismatch", Response.Status.CONFLICT, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof IdempotencyKeyReusedException) {
            return Problem.of("idempotency-key-reused", Response.Status.CONFLICT, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof TopUpNotFoundException) {
            return Problem.of("not-found", Response.Status.NOT_FOUND, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof TopUpStateException) {
            return Problem.of("top-up-state", Response.Status.CONFLICT, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof PaymentProviderUnavailableException) {
            return Problem.of("payment-provider-unavailable", Response.Status.SERVICE_UNAVAILABLE, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof UnavailableException unavailable) {
            // The database restarting, say: nothing was done, and the same request will do next time.
            LOG.warn("Portal API request answered 503: {}", unavailable.getMessage());
            return Problem.of("unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "The service is briefly unavailable and did nothing with this request. Please try again in a few seconds.")
                    .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_SECONDS);
        }
        if (exception instanceof TopUpFailedException) {
            return Problem.of("payment-provider-failed", Response.Status.BAD_GATEWAY, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof InvalidTokenException) {
            return Problem.of("invalid-token", Response.Status.BAD_REQUEST, exception.getMessage()).toResponseBuilder();
        }
        if (exception instanceof SignInRefusedException refused) {
            return signInRefused(refused);
        }
        if (exception instanceof ContactRateLimitException limited) {
            return tooManyAttempts(limited.getMessage(), limited.retryAfter());
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

    private static Response.ResponseBuilder tooManyAttempts(String message, Duration retryAfter) {
        return Problem.of("too-many-attempts", Response.Status.TOO_MANY_REQUESTS, message).toResponseBuilder()
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()));
    }

    private static Response.ResponseBuilder signInRefused(SignInRefusedException refused) {
        if (refused.retryAfter().isPresent()) {
            return tooManyAttempts(refused.getMessage(), refused.retryAfter().get());
        }
        return Problem.of("sign-in-refused", Response.Status.UNAUTHORIZED, refused.getMessage()).toResponseBuilder();
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
