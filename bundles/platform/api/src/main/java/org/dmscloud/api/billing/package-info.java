/**
 * Prepaid billing as BILLING-RULES.md states it: balances and their ledger, quotes, and the daily run.
 */
@Export
@Version("1.3.0")
package org.dmscloud.api.billing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
