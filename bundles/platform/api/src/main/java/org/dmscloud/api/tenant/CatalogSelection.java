package org.dmscloud.api.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which packages and options a tenant sells: every item of the platform (and of its own plugins), or only
 * those listed. Its own plugins' items are always on sale to it.
 */
public record CatalogSelection(Optional<Set<String>> only) {

    public static final CatalogSelection EVERYTHING = new CatalogSelection(Optional.empty());

    public CatalogSelection {
        Objects.requireNonNull(only, "only");
        only = only.map(Set::copyOf);
    }

    public static CatalogSelection only(Set<String> items) {
        return new CatalogSelection(Optional.of(items));
    }

    public boolean includes(String item) {
        return only.map(items -> items.contains(item)).orElse(true);
    }
}
