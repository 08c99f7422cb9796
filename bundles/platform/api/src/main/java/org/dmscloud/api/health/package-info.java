/**
 * Health of the platform's dependencies, as reported on the portal API's health endpoint.
 */
@Export
@Version("1.3.0")
package org.dmscloud.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
