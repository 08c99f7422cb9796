/**
 * Payment providers as the host sees them.
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
