/**
 * The portal API as plugins see it: where to publish their own resources.
 */
@Export
@Version("1.1.0")
package org.dmscloud.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
