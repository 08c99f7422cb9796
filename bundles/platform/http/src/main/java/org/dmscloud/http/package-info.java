/**
 * Answers given over HTTP outside JAX-RS, in the portal API's problem shape, and text escaped for the markup others write.
 */
@Export
@Version("1.0.0")
package org.dmscloud.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
