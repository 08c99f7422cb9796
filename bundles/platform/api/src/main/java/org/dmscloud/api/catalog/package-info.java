/**
 * The product catalog as the host sees it: instance packages and add-on options contributed by plugin
 * bundles, and the configurations they price.
 */
@Export
@Version("2.4.0")
package org.dmscloud.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
