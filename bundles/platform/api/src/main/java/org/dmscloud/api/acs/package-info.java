/**
 * Each instance's built-in ACS as its customer sees it: the CWMP endpoint its CPE devices inform, their credentials,
 * the devices it knows and how many it refused for its limit.
 */
@Export
@Version("1.1.0")
package org.dmscloud.api.acs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
