package org.dmscloud.rest.internal;


import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.api.contact.ContactService;
import org.dmscloud.api.contact.NewContactMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/contact}: the landing page's Contact Us form. Public, rate-limited per client address;
 * the message is stored and mailed to the operators.
 */
@Component(service = ContactResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("contact")
@Tag(name = "Contact us", description = "The landing page's form")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Reference
    ContactService contact;

    @Context
    HttpServletRequest http;

    /** 202: a person reads it next. The answer carries no id, as the sender cannot look the message up. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "Received: the operators have it",
            content = @Content(schema = @Schema(implementation = Views.MessageView.class)))
    public Response send(Requests.Contact request) {
        Requests.Contact body = request == null ? new Requests.Contact(null, null, null, null, null) : request;
        contact.submit(RequestTenant.idOf(http), new NewContactMessage(body.name(), body.email(), body.company(), body.topic(), body.message()), RequestClient.addressOf(http));
        return Response.accepted(new Views.MessageView("Thank you, your message has reached us. We answer by email, usually within one business day."))
                .build();
    }
}
