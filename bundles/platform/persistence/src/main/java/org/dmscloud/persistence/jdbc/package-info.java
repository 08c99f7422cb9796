/**
 * Plain JDBC for a bundle's own repositories, on the connection of the {@link org.dmscloud.persistence.Store}'s
 * ambient transaction.
 */
@Export
@Version("1.0.0")
package org.dmscloud.persistence.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
