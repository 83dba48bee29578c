package io.drm.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier#verify()} found.
 *
 * <p>Two readings, and only the safe one is called {@code ok}:
 * <ul>
 *   <li>{@link #intact()}: the hash chain and every checkpoint's Merkle root hold. Anyone who can
 *       write the store can produce an intact log (a fresh chain with checkpoints signed by a key
 *       of their own), so this alone says nothing about who wrote it.</li>
 *   <li>{@link #ok()}: intact <em>and</em> authenticated: trusted keys were given, every
 *       checkpoint's signature holds against them, and, when the log has entries, at least one
 *       signed checkpoint covers them. Without {@link AuditVerifier#trusting(TrustedKeys)} a report
 *       is never ok; its notes say why.</li>
 * </ul>
 * Entries after the latest checkpoint ({@link #uncheckpointedEntries()}) are covered by the chain
 * only, until the next checkpoint signs them.
 *
 * @param entries entries read that verified (the chain up to the first problem)
 * @param checkpoints checkpoints whose root was checked against the entries
 * @param signaturesChecked whether checkpoint signatures were checked (trusted keys were given)
 * @param latestCheckpoint the verified checkpoint with the largest tree size, or null
 * @param uncheckpointedEntries entries after the latest verified checkpoint, which no signature
 *     covers yet (normal for a log being written; a closed log has none)
 * @param problem the first problem, or null when the log verifies
 * @param notes observations that are not tampering (a torn last line, unsigned checkpoints)
 */
public record VerificationReport(long entries, int checkpoints, boolean signaturesChecked,
        Checkpoint latestCheckpoint, long uncheckpointedEntries, Problem problem, List<String> notes) {

    /**
     * The first bad entry or checkpoint.
     *
     * @param kind what happened
     * @param seq the sequence number of the first bad entry (for checkpoint problems: the tree
     *     size of the checkpoint)
     * @param location where it is stored: file and line, or table and sequence number
     * @param detail a sentence that explains what the verifier saw
     */
    public record Problem(Tampering kind, long seq, String location, String detail) {

        /** Validates. */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return kind + " at seq " + seq + " (" + location + "): " + detail;
        }
    }

    /** Copies. */
    public VerificationReport {
        notes = List.copyOf(notes);
    }

    /**
     * Whether the log verifies and is authenticated: {@link #intact()}, the checkpoint signatures
     * were checked against trusted keys and hold, and a signed checkpoint covers the log when it
     * has entries.
     *
     * @return whether the log can be trusted
     */
    public boolean ok() {
        return intact() && signaturesChecked && (entries == 0 || latestCheckpoint != null);
    }

    /**
     * Whether the hash chain and the checkpoints' Merkle roots hold. This does not say who wrote
     * the log: see {@link #ok()}.
     *
     * @return whether no entry or checkpoint was found changed, removed, inserted, reordered or cut
     *     off
     */
    public boolean intact() {
        return problem == null;
    }

    /** @return the first problem, if any */
    public Optional<Problem> firstProblem() {
        return Optional.ofNullable(problem);
    }

    /**
     * @return {@code "ok"} (intact and authenticated), {@code "intact, not authenticated"} or
     *     {@code "NOT intact"}: the one-phrase reading used by {@link #toString()} and reports
     */
    public String verdict() {
        return ok() ? "ok" : intact() ? "intact, not authenticated" : "NOT intact";
    }

    @Override
    public String toString() {
        String counts = entries + " entries, " + checkpoints + " checkpoints";
        String head = ok() ? "audit log verifies and is authenticated (signatures checked against trusted keys): "
                + counts
                : intact() ? "audit log is intact but NOT authenticated: " + counts
                + (signaturesChecked ? " (no signed checkpoint covers it)" : " (no trusted keys given)")
                : "audit log does NOT verify: " + problem;
        return notes.isEmpty() ? head : head + "; notes: " + String.join("; ", notes);
    }
}
