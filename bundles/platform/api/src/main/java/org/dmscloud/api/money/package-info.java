/**
 * Exact money: amounts in minor units of an ISO 4217 currency.
 */
@Export
@Version("2.0.0")
package org.dmscloud.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
