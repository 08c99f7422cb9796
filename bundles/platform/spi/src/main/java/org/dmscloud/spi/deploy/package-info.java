/**
 * How instances are deployed: an {@link org.dmscloud.spi.deploy.InstanceDeployer} whiteboard service brings each
 * instance of the packages that name it to the state its customer chose (running, suspended, gone), driven by the
 * instance's lifecycle and retried with growing pauses while it fails. The platform's own deployer hosts instances
 * in its built-in ACS; another may start a dedicated DMS elsewhere (on Kubernetes, say).
 */
@Export
@Version("1.0.0")
package org.dmscloud.spi.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
