/**
 * What every bundle that calls code it does not control (a plugin's services) shares: the key of a plugin's service
 * by its identity, and calls bounded in time and concurrency whose every failure comes back as one exception naming
 * the plugin (pricing, payment providers, deployers, instance event listeners).
 */
@Export
@Version("1.1.0")
package org.dmscloud.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
