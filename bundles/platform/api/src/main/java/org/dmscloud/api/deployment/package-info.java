/**
 * Where each instance's deployment stands: made by its package's deployer as its lifecycle asks, retried while it
 * fails.
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.deployment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
