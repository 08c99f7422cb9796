/**
 * Mail to customers and operators, queued in a transactional outbox and delivered over SMTP with retries.
 */
@Export
@Version("3.0.0")
package org.dmscloud.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
