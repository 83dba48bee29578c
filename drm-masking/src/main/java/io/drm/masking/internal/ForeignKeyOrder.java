package io.drm.masking.internal;

import io.drm.masking.MaskingJobException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The foreign-key order of the tables of a copy: for each table, the copied tables it references
 * (its parents), which must be complete in the target before it starts. References to tables
 * outside the copy are ignored (they are expected to be in the target already); a table's
 * reference to itself is not an ordering constraint. A cycle is refused.
 */
public final class ForeignKeyOrder {

    private final Map<String, Set<String>> parents;

    private ForeignKeyOrder(Map<String, Set<String>> parents) {
        this.parents = parents;
    }

    private static String display(List<String> cycle, Collection<BoundTable> tables) {
        Map<String, String> names = new LinkedHashMap<>();
        tables.forEach(t -> names.put(fold(t.name()), t.name()));
        List<String> out = new ArrayList<>();
        cycle.forEach(c -> out.add(names.getOrDefault(c, c)));
        return String.join(" -> ", out);
    }

    /**
     * @param tables the tables to copy
     * @return their order
     * @throws MaskingJobException if their foreign keys form a cycle; the message names it
     */
    public static ForeignKeyOrder of(Collection<BoundTable> tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (BoundTable t : tables) {
            parents.put(fold(t.name()), new LinkedHashSet<>());
        }
        for (BoundTable t : tables) {
            for (String ref : t.info().references()) {
                String p = fold(ref);
                if (parents.containsKey(p) && !p.equals(fold(t.name()))) {
                    parents.get(fold(t.name())).add(p);
                }
            }
        }
        List<String> cycle = findCycle(parents);
        if (!cycle.isEmpty()) {
            throw new MaskingJobException("the foreign keys of the tables to copy form a cycle (" + display(cycle, tables)
                    + ", each referencing the next), so none of them can be copied before the others. Copy these tables in a separate"
                    + " copy into a target whose foreign keys are dropped or deferred, and leave them out of this one"
                    + " with tables(...). Nothing was written.");
        }
        return new ForeignKeyOrder(parents);
    }

    /**
     * @param table a table (any case)
     * @return the copied tables it references, lower-cased
     */
    public Set<String> parents(String table) {
        return parents.getOrDefault(fold(table), Set.of());
    }

    /**
     * @param table a table (any case)
     * @return the number of foreign-key levels above it (0 for a table that references no copied table)
     */
    public int depth(String table) {
        int depth = 0;
        for (String p : parents(table)) {
            depth = Math.max(depth, depth(p) + 1);
        }
        return depth;
    }

    private static List<String> findCycle(Map<String, Set<String>> parents) {
        Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on the path, 2 = done
        for (String start : parents.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            List<String> cycle = visit(start, parents, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String table, Map<String, Set<String>> parents, Map<String, Integer> state,
            Deque<String> path) {
        state.put(table, 1);
        path.addLast(table);
        for (String p : parents.get(table)) {
            Integer s = state.get(p);
            if (s == null) {
                List<String> cycle = visit(p, parents, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            } else if (s == 1) {
                List<String> cycle = new ArrayList<>();
                boolean in = false;
                for (String t : path) {
                    in = in || t.equals(p);
                    if (in) {
                        cycle.add(t);
                    }
                }
                cycle.add(p);
                return cycle;
            }
        }
        path.removeLast();
        state.put(table, 2);
        return List.of();
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
