/**
 * Portal customers: registration with address verification, sign-in sessions, password reset.
 */
@Export
@Version("2.3.0")
package org.dmscloud.api.customer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
