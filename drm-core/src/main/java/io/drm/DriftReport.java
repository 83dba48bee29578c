package io.drm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DataRelease.Builder#detectDrift()} found: the differences between the live database
 * and what the last release recorded (its schema snapshot and the fingerprints of artifact-owned
 * tables).
 *
 * @param snapshotReleaseId the release whose snapshot was compared
 * @param expectedHash the SHA-256 of the recorded snapshot
 * @param actualHash the SHA-256 of the live schema's snapshot
 * @param differences every difference, schema first, in a stable order; empty when clean
 */
public record DriftReport(String snapshotReleaseId, String expectedHash, String actualHash,
        List<Difference> differences) {

    /** What happened to an object. */
    public enum Kind {
        /** Present in the live database, absent from the recorded state. */
        ADDED,
        /** Present in the recorded state, absent from the live database. */
        REMOVED,
        /** Present in both, with different definitions or content. */
        CHANGED
    }

    /**
     * One difference.
     *
     * @param object what differs, for example {@code table customer}, {@code column customer.email},
     *     {@code index ix_a}, {@code data country} or {@code row country[DE]}
     * @param kind added, removed or changed
     * @param expected the recorded definition (compact JSON or a fingerprint), or {@code null} when added
     * @param actual the live definition, or {@code null} when removed
     */
    public record Difference(String object, Kind kind, String expected, String actual) {

        /** Validates. */
        public Difference {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Validates and copies. */
    public DriftReport {
        Objects.requireNonNull(snapshotReleaseId, "snapshotReleaseId");
        Objects.requireNonNull(expectedHash, "expectedHash");
        Objects.requireNonNull(actualHash, "actualHash");
        differences = List.copyOf(differences);
    }

    /**
     * Tells whether the database matches what was recorded.
     *
     * @return {@code true} when there is no difference
     */
    public boolean isClean() {
        return differences.isEmpty();
    }

    /**
     * Returns the report as JSON: {@code snapshotReleaseId}, {@code expectedHash},
     * {@code actualHash}, {@code clean} and {@code differences} (each with {@code object},
     * {@code kind}, {@code expected}, {@code actual}).
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("snapshotReleaseId", snapshotReleaseId);
        root.put("expectedHash", expectedHash);
        root.put("actualHash", actualHash);
        root.put("clean", isClean());
        ArrayNode list = root.putArray("differences");
        for (Difference d : differences) {
            ObjectNode n = list.addObject();
            n.put("object", d.object());
            n.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("expected", d.expected());
            n.put("actual", d.actual());
        }
        return root.toString();
    }
}
