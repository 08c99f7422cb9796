/**
 * What a catalog plugin bundle contributes: instance packages, add-on options and the pricing plugins
 * that put a daily rate on them. Each is a whiteboard service identified by a service property named
 * here; the host tracks them as they come and go. Any of them may serve one tenant only
 * ({@link org.dmscloud.spi.tenant.TenantScope}).
 */
@Export
@Version("1.2.0")
package org.dmscloud.spi.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
