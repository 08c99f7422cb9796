/**
 * The platform's transactional store, for the core bundles (billing, accounts, payments) and for plugin
 * bundles' own tables ({@link org.dmscloud.persistence.Schema}). Every multi-step change runs inside one
 * {@link org.dmscloud.persistence.Store#inTransaction transaction}; what comes out are records, never entities.
 */
@Export
@Version("3.0.0")
package org.dmscloud.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
