/**
 * How the host reads whiteboard services that plugin bundles contribute, shared by the bundles that
 * track them (catalog and pricing here, payment providers in the payments bundle). Calls into them are bounded by
 * {@code org.dmscloud.api.plugin.PluginCalls}.
 */
@Export
@Version("3.0.0")
package org.dmscloud.plugins;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
