/**
 * Time: every time-dependent component takes the platform's {@link java.time.Clock} service; operators
 * steer it in dev/test mode through {@link org.dmscloud.api.time.ClockControl}.
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
