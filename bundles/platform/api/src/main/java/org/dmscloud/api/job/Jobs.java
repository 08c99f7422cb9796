package org.dmscloud.api.job;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's job runner, as operators ask it: every job registered on this node and how it goes. */
@ProviderType
public interface Jobs {

    /** Every job on this node, by name. */
    List<JobStatus> list();
}
