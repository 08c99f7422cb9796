/**
 * The journal the platform's billing writes instance events to, in the transaction of the change they
 * report. Plugins do not write here; they hear the events as an
 * {@link org.dmscloud.spi.instance.InstanceEventListener}.
 */
@Export
@Version("1.0.0")
package org.dmscloud.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
