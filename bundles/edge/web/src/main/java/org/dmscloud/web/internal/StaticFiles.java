package org.dmscloud.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The portal's style sheet and scripts, from this bundle's {@code /static}: the same at every tenant's host. */
@Component(service = StaticFiles.class)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
public class StaticFiles {
}
