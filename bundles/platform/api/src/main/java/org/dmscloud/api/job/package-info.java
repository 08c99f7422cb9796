/**
 * Work the platform does every so often, in any bundle: a {@link org.dmscloud.api.job.PeriodicJob} registered as a
 * service is run by the platform's one job runner, which survives whatever the job throws, waits longer after each
 * failure ({@link org.dmscloud.api.job.Backoff}) and shows every job to operators ({@link org.dmscloud.api.job.Jobs}).
 */
@Export
@Version("1.0.0")
package org.dmscloud.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
