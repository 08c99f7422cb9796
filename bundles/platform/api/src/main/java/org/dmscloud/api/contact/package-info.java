/**
 * Messages people send through the landing page's Contact Us form, and the operators' inbox of them.
 */
@Export
@Version("2.1.0")
package org.dmscloud.api.contact;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
