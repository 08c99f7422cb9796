/**
 * Tenants: the platform operator (the default tenant) and the resellers who sell DMS instances to their
 * own customers under their own name, host names, catalog, prices and payment accounts.
 */
@Export
@Version("1.3.0")
package org.dmscloud.api.tenant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
