package io.drm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TableDiff#run()} found between a source table and a target table.
 *
 * <p>Keys are lists with one element a key column, in the order given to {@link TableDiff#key}:
 * integer key columns as {@link Long} (or {@link BigInteger} beyond its range), every other key
 * column as its canonical text (see docs/drift-and-diff.md).
 *
 * @param source the source table as named
 * @param target the target table as named
 * @param added keys present in the target only
 * @param removed keys present in the source only
 * @param changed keys present in both whose compared columns differ
 * @param rowsCompared rows covered by the comparison: the source's rows plus those only in the target
 * @param rowsFetched rows sent to the JVM, both sides added up (row-by-row comparison of small segments)
 * @param segmentsChecked key-range segments whose checksums were computed, both sides counted once
 */
public record DiffReport(String source, String target, List<List<Object>> added, List<List<Object>> removed,
        List<List<Object>> changed, long rowsCompared, long rowsFetched, long segmentsChecked) {

    /** Validates and copies. */
    public DiffReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        added = copy(added);
        removed = copy(removed);
        changed = copy(changed);
    }

    private static List<List<Object>> copy(List<List<Object>> keys) {
        List<List<Object>> out = new ArrayList<>(keys.size());
        for (List<Object> key : keys) {
            out.add(Collections.unmodifiableList(new ArrayList<>(key)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Tells whether the two tables hold the same rows.
     *
     * @return {@code true} when nothing was added, removed or changed
     */
    public boolean isIdentical() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * Returns the report as JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", source);
        root.put("target", target);
        root.put("identical", isIdentical());
        keys(root.putArray("added"), added);
        keys(root.putArray("removed"), removed);
        keys(root.putArray("changed"), changed);
        root.put("rowsCompared", rowsCompared);
        root.put("rowsFetched", rowsFetched);
        root.put("segmentsChecked", segmentsChecked);
        return root.toString();
    }

    private static void keys(ArrayNode array, List<List<Object>> keys) {
        for (List<Object> key : keys) {
            ArrayNode k = array.addArray();
            for (Object part : key) {
                if (part instanceof Long l) {
                    k.add(l);
                } else if (part instanceof BigInteger b) {
                    k.add(new BigDecimal(b));
                } else {
                    k.add(String.valueOf(part));
                }
            }
        }
    }
}
