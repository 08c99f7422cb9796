/**
 * The platform's transactional store, which every bundle's repositories share, each on its own tables
 * ({@link org.dmscloud.persistence.Schema}): the platform's domain bundles and plugins alike. Every multi-step
 * change runs inside one {@link org.dmscloud.persistence.Store#inTransaction transaction}, whichever bundles take
 * part in it.
 */
@Export
@Version("3.2.0")
package org.dmscloud.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
