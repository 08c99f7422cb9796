package org.dmscloud.persistence.internal;

import java.net.URL;

/**
 * Where a changelog and the files it includes are read from: a bundle's entries in the running platform,
 * a directory of the class path in tests. Paths are relative to the source's root, without a leading slash.
 */
interface ChangelogSource {

    /** The name that makes this source's paths unique in the database: a bundle's symbolic name. */
    String name();

    /** The file at this path, or null when there is none. */
    URL entry(String path);
}
