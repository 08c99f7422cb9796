/**
 * Customer instances of the Device Management Server and their lifecycle, each step with its billing
 * effect as BILLING-RULES.md states it.
 */
@Export
@Version("1.1.0")
package org.dmscloud.api.instance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
