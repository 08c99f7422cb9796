package org.dmscloud.apidocs.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves Swagger UI and its page from this bundle at {@code /docs/}. */
@Component(service = ApiDocs.class)
@HttpWhiteboardResource(pattern = "/docs/*", prefix = "/docs")
public class ApiDocs {
}
