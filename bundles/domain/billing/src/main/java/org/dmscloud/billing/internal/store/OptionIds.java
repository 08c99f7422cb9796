package org.dmscloud.billing.internal.store;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/** Option ids in one column: sorted, comma-separated (ids are slugs, so never contain a comma). */
final class OptionIds {

    private OptionIds() {
    }

    static String join(SortedSet<String> optionIds) {
        return String.join(",", optionIds);
    }

    static SortedSet<String> split(String column) {
        TreeSet<String> ids = new TreeSet<>();
        if (column != null && !column.isEmpty()) {
            ids.addAll(Arrays.asList(column.split(",")));
        }
        return ids;
    }
}
