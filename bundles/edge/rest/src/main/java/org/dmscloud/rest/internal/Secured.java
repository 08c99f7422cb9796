package org.dmscloud.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import javax.ws.rs.NameBinding;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * Marks resources and methods that only a signed-in customer may call; see {@link BearerAuthentication}.
 * The OpenAPI description says so too, from the security requirement this carries.
 */
@NameBinding
@SecurityRequirement(name = OpenApiDocument.BEARER)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Secured {
}
