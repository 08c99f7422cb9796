package org.dmscloud.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.Registration;
import org.dmscloud.api.customer.Session;
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
 * {@code /api/v1/auth}: registration, address verification, sign-in and out, password reset. Public. The
 * answers to registering, resending and asking for a reset are the same whether or not the address is
 * registered; the mail tells the rest.
 */
@Component(service = AuthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(PortalApplication.SELECT)
@Path("auth")
@Tag(name = "Sign-up and sign-in", description = "Registration, address verification, sign-in and out, password reset")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final Views.MessageView CHECK_MAIL = new Views.MessageView(
            "If the address can be used, a mail with a link is on its way. No mail after a few minutes? Check the spam folder, then register again.");

    @Reference
    CustomerAuth customers;

    @Context
    HttpServletRequest http;

    /** 202 whatever happened: the mail says what it was. */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "Taken; the mail says the rest",
            content = @Content(schema = @Schema(implementation = Views.MessageView.class)))
    public Response register(Requests.Register request) {
        Requests.Register body = request == null ? new Requests.Register(null, null, null, null) : request;
        customers.register(RequestTenant.idOf(http), new Registration(body.email(), body.password(), body.name(), body.company() == null ? "" : body.company()));
        return Response.accepted(CHECK_MAIL).build();
    }

    @POST
    @Path("verification/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "Taken; the mail says the rest",
            content = @Content(schema = @Schema(implementation = Views.MessageView.class)))
    public Response resendVerification(Requests.Email request) {
        Requests.require(fields("email", request == null ? null : request.email()));
        customers.resendVerification(RequestTenant.idOf(http), request.email());
        return Response.accepted(CHECK_MAIL).build();
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.MessageView verify(Requests.Token request) {
        Requests.require(fields("token", request == null ? null : request.token()));
        customers.verify(RequestTenant.idOf(http), request.token());
        return new Views.MessageView("Your email address is verified. You can sign in now.");
    }

    /**
     * The link of verification mails sent before the web portal had its own pages: it leads there, where the
     * address is verified.
     */
    @GET
    @Path("verify")
    @ApiResponse(responseCode = "303", description = "On to the web portal's page that verifies the address")
    public Response verifyFromMail(@QueryParam("token") String token) {
        return toPortalPage("/verify", token);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.SessionView signIn(Requests.SignIn request) {
        Requests.require(fields("email", request == null ? null : request.email(), "password", request == null ? null : request.password()));
        Session session = customers.signIn(RequestTenant.idOf(http), request.email(), request.password(), RequestClient.addressOf(http));
        return new Views.SessionView(session.token(), "Bearer", session.expiresAt());
    }

    @POST
    @Path("sign-out")
    @Secured
    @ApiResponse(responseCode = "204", description = "Signed out: the token is no longer accepted")
    public Response signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        customers.signOut(authorization.substring("Bearer ".length()).trim());
        return Response.noContent().build();
    }

    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "202", description = "Taken; the mail says the rest",
            content = @Content(schema = @Schema(implementation = Views.MessageView.class)))
    public Response requestPasswordReset(Requests.Email request) {
        Requests.require(fields("email", request == null ? null : request.email()));
        customers.requestPasswordReset(RequestTenant.idOf(http), request.email());
        return Response.accepted(new Views.MessageView("If the address is registered, a mail with a link is on its way.")).build();
    }

    @POST
    @Path("password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "204", description = "The new password is set; every session is signed out")
    public Response resetPassword(Requests.ResetPassword request) {
        Requests.require(fields("token", request == null ? null : request.token(), "newPassword",
                request == null ? null : request.newPassword()));
        customers.resetPassword(RequestTenant.idOf(http), request.token(), request.newPassword());
        return Response.noContent().build();
    }

    /** The link of reset mails sent before the web portal had its own pages: it leads to the portal's form for the new password. */
    @GET
    @Path("password-reset")
    @ApiResponse(responseCode = "303", description = "On to the web portal's form for the new password")
    public Response passwordResetForm(@QueryParam("token") String token) {
        return toPortalPage("/password-reset", token);
    }

    /** A redirect to the web portal's page at this host, the token carried along (the page says if it is not valid). */
    private static Response toPortalPage(String page, String token) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        // The Location header written as such: Response.seeOther would resolve it against the API's base, under /api/v1.
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, page + query).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
