/**
 * How a plugin serves one tenant only: the {@link org.dmscloud.spi.tenant.TenantScope#PROPERTY} service property.
 */
@Export
@Version("1.1.0")
package org.dmscloud.spi.tenant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
