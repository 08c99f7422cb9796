/**
 * What happens to instances, told to plugins: a whiteboard {@link org.dmscloud.spi.instance.InstanceEventListener}
 * hears each {@link org.dmscloud.spi.instance.InstanceEvent} after the change it reports has committed, at
 * least once, in the order the changes committed. An option acts on its instances this way (a report, a
 * deployment) without the platform knowing it.
 */
@Export
@Version("1.0.0")
package org.dmscloud.spi.instance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
