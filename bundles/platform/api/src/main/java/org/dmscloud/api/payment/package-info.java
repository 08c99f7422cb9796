/**
 * Payment providers and top-ups as the host sees them: customers start and follow top-ups, operators
 * reconcile them, provider plugins report the money that arrived.
 */
@Export
@Version("2.1.0")
package org.dmscloud.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
