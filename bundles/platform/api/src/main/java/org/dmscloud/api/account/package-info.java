/**
 * Identities of tenants and customer accounts.
 */
@Export
@Version("1.3.0")
package org.dmscloud.api.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
