package org.dmscloud.rest.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.billing.InsufficientFundsException;
import org.dmscloud.api.billing.QuoteMismatchException;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.contact.ContactRateLimitException;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.InvalidTokenException;
import org.dmscloud.api.customer.SignInRefusedException;
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

    @Override
    public Response toResponse(Throwable exception) {
        return problemFor(exception).build();
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
        if (exception instanceof InsufficientFundsException funds) {
            return Problem.of("insufficient-funds", Response.Status.PAYMENT_REQUIRED, funds.getMessage())
                    .withFunds(MoneyView.of(funds.needed()), MoneyView.of(funds.balance())).toResponseBuilder();
        }
        if (exception instanceof InstanceNotFoundException || exception instanceof AccountNotFoundException) {
            return Problem.of("not-found", Response.Status.NOT_FOUND, exception.getMessage()).toResponseBuilder();
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
        if (exception instanceof IllegalArgumentException invalid) {
            // The API's value types refuse bad values (a name too long, a device count below one) this way.
            return Problem.validation(invalid.getMessage(), Map.of()).toResponseBuilder();
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

    /** Malformed JSON, wrong types, unknown fields, numbers out of range: what and where, never a stack trace. */
    private static Response.ResponseBuilder unreadableJson(JsonProcessingException json) {
        if (json instanceof JsonParseException && !(json instanceof InputCoercionException)) {
            return Problem.of("bad-request", Response.Status.BAD_REQUEST, "The body is not valid JSON.").toResponseBuilder();
        }
        String field = json instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (json instanceof UnrecognizedPropertyException) {
            message = "There is no field '" + field + "' here.";
        } else if (json instanceof InputCoercionException) {
            message = "This number is out of range.";
        } else {
            message = "This value has the wrong type or form.";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field.isEmpty() ? "body" : field, message);
        return Problem.validation("Some fields are not valid.", fields).toResponseBuilder();
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
