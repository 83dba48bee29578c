package io.drm.internal.schema;

import io.drm.DriftReport.Difference;
import io.drm.DriftReport.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two snapshot trees and names each difference: {@code table t}, {@code column t.c},
 * {@code primary key t}, {@code unique key k}, {@code foreign key k}, {@code index i},
 * {@code view v}, {@code sequence s}.
 */
public final class SchemaComparer {

    private SchemaComparer() {
    }

    /**
     * Compares.
     *
     * @param expected the recorded tree
     * @param actual the live tree
     * @return the differences, in a stable order
     */
    public static List<Difference> compare(Map<String, Object> expected, Map<String, Object> actual) {
        List<Difference> out = new ArrayList<>();
        Map<String, Object> et = sub(expected, "tables");
        Map<String, Object> at = sub(actual, "tables");
        for (String table : union(et, at)) {
            Map<String, Object> e = sub(et, table);
            Map<String, Object> a = sub(at, table);
            if (!et.containsKey(table) || !at.containsKey(table)) {
                out.add(diff("table " + table, et.get(table), at.get(table)));
                continue;
            }
            members(out, "column " + table + ".", sub(e, "columns"), sub(a, "columns"));
            if (!Objects.equals(e.get("primaryKey"), a.get("primaryKey"))) {
                out.add(diff("primary key " + table, e.get("primaryKey"), a.get("primaryKey")));
            }
            members(out, "unique key ", sub(e, "uniqueKeys"), sub(a, "uniqueKeys"));
            members(out, "foreign key ", sub(e, "foreignKeys"), sub(a, "foreignKeys"));
            members(out, "index ", sub(e, "indexes"), sub(a, "indexes"));
        }
        members(out, "view ", sub(expected, "views"), sub(actual, "views"));
        members(out, "sequence ", sub(expected, "sequences"), sub(actual, "sequences"));
        return out;
    }

    private static void members(List<Difference> out, String prefix, Map<String, Object> e, Map<String, Object> a) {
        for (String name : union(e, a)) {
            Object x = e.get(name);
            Object y = a.get(name);
            if (!e.containsKey(name) || !a.containsKey(name) || !Objects.equals(x, y)) {
                out.add(diff(prefix + name, e.containsKey(name) ? x : null, a.containsKey(name) ? y : null));
            }
        }
    }

    private static Difference diff(String object, Object expected, Object actual) {
        Kind kind = expected == null ? Kind.ADDED : actual == null ? Kind.REMOVED : Kind.CHANGED;
        return new Difference(object, kind, SchemaSnapshot.compact(expected), SchemaSnapshot.compact(actual));
    }

    private static TreeSet<String> union(Map<String, Object> a, Map<String, Object> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
