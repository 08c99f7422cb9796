package org.dmscloud.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.billing.QuoteService;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceNotFoundException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/quotes}: what an action would charge or credit right now, with its breakdown, without
 * doing it (rule R11). The action may then carry the quote's id.
 */
@Component(service = QuotesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("quotes")
@Tag(name = "Quotes", description = "What an action would charge or credit now, to be held to")
@Produces(MediaType.APPLICATION_JSON)
@Secured
public class QuotesResource {

    @Reference
    QuoteService quotes;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.QuoteView quote(Requests.QuoteFor request) {
        if (request == null) {
            throw new InvalidInputException(Map.of("body", "Send the action to quote."));
        }
        Requests.require(Map.of("action", request.action() == null ? "" : request.action()));
        AccountId account = CustomerPrincipal.of(security).account();
        Quote quote = switch (action(request.action())) {
        case CREATE -> {
            Map<String, Object> required = new LinkedHashMap<>();
            required.put("enabled", request.enabled());
            Requests.require(required);
            yield quotes.quoteCreate(account, Requests.configuration(request.packageId(), request.expectedDevices(), request.optionIds()),
                    request.enabled());
        }
        case ENABLE -> quotes.quoteEnable(account, instance(request));
        case CHANGE_SETTINGS -> quotes.quoteChangeSettings(account, instance(request),
                Requests.configuration(request.packageId(), request.expectedDevices(), request.optionIds()));
        case DELETE -> quotes.quoteDelete(account, instance(request));
        };
        return Views.QuoteView.of(quote);
    }

    private static BillableAction action(String action) {
        try {
            return BillableAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Map.of("action", "One of CREATE, ENABLE, CHANGE_SETTINGS, DELETE."));
        }
    }

    /** The instance a quote is for: required, and an id that names none is as unknown as another account's. */
    private static InstanceId instance(Requests.QuoteFor request) {
        Requests.require(Map.of("instanceId", request.instanceId() == null ? "" : request.instanceId()));
        try {
            return InstanceId.parse(request.instanceId());
        } catch (IllegalArgumentException e) {
            throw new InstanceNotFoundException(new InstanceId(new java.util.UUID(0, 0)));
        }
    }
}
