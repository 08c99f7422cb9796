package org.dmscloud.persistence.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;

import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.URIResource;

/**
 * A changelog source as Liquibase sees it: its files under the source's name as a first path segment
 * ({@code org.example.reports/db/changelog.xml}). Liquibase records that path with every changeset, so
 * identical ids and paths in two plugins' changelogs are still two changesets.
 */
final class ChangelogResources extends AbstractResourceAccessor {

    private final ChangelogSource source;

    ChangelogResources(ChangelogSource source) {
        this.source = source;
    }

    /** The path Liquibase is given for a file of the source. */
    String pathOf(String entry) {
        return source.name() + "/" + strip(entry);
    }

    @Override
    public List<Resource> getAll(String path) throws IOException {
        String normalized = strip(path.replace('\\', '/'));
        String prefix = source.name() + "/";
        if (!normalized.startsWith(prefix)) {
            return List.of();
        }
        URL url = source.entry(normalized.substring(prefix.length()));
        if (url == null) {
            return List.of();
        }
        try {
            return List.of(new URIResource(normalized, url.toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("the address of " + path + " cannot be read: " + url, e);
        }
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        // Changelogs name their files; includeAll over a bundle's folder is not offered.
        return List.of();
    }

    @Override
    public List<String> describeLocations() {
        return List.of(source.name());
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }

    private static String strip(String path) {
        String stripped = path;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }
}
