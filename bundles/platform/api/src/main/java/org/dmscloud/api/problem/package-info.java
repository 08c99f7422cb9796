/**
 * How an exception says, itself, what the portal API answers for it (RFC 9457 problem details), so that a new
 * bundle's or a plugin's exception needs no edit to the API's mapper.
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
