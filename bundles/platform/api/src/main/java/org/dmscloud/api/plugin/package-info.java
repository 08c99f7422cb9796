/**
 * What every bundle that calls code it does not control (a plugin's services) shares.
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
