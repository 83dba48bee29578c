package io.drm.internal.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the statements linted so far created and dropped, so that later statements on a table this
 * release creates are not judged as changes to a live table, and objects it already dropped are not
 * reported as broken again. Names compare without case and without schema.
 */
final class ReleaseObjects {
    private final Map<String, String> created = new HashMap<>();
    private final Set<String> droppedViews = new HashSet<>();
    private final Set<String> droppedConstraints = new HashSet<>();
    private final Set<String> droppedIndexes = new HashSet<>();
    private final Set<String> droppedTables = new HashSet<>();

    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    void created(String table, String where) {
        if (table != null) {
            created.putIfAbsent(key(table), where);
            droppedTables.remove(key(table));
        }
    }

    void renamed(String from, String to) {
        String where = created.remove(key(from));
        if (where != null && to != null) {
            created.put(key(to), where);
        }
    }

    boolean isNew(String table) {
        return table != null && created.containsKey(key(table));
    }

    String createdAt(String table) {
        return created.get(key(table));
    }

    void droppedTable(String table) {
        if (table != null) {
            created.remove(key(table));
            droppedTables.add(key(table));
        }
    }

    boolean tableDropped(String table) {
        return droppedTables.contains(key(table));
    }

    void droppedView(String view) {
        droppedViews.add(key(view));
    }

    boolean viewDropped(String view) {
        return droppedViews.contains(key(view));
    }

    void droppedConstraint(String name) {
        droppedConstraints.add(key(name));
    }

    boolean constraintDropped(String name) {
        return droppedConstraints.contains(key(name));
    }

    void droppedIndex(String name) {
        droppedIndexes.add(key(name));
    }

    boolean indexDropped(String name) {
        return droppedIndexes.contains(key(name));
    }
}
