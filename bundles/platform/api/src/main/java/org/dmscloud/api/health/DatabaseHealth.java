package org.dmscloud.api.health;

import org.osgi.annotation.versioning.ProviderType;

/** Checks the platform database; registered only while a data source is configured. */
@ProviderType
public interface DatabaseHealth {

    /** Opens a connection and checks it within a short timeout. Never throws. */
    DatabaseStatus check();
}
