package io.drm.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier#verify()} found.
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

    /** @return whether the log verifies */
    public boolean ok() {
        return problem == null;
    }

    /** @return the first problem, if any */
    public Optional<Problem> firstProblem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        String head = ok() ? "audit log verifies: " + entries + " entries, " + checkpoints + " checkpoints"
                + (signaturesChecked ? " (signatures checked)" : " (signatures not checked: no trusted keys)")
                : "audit log does NOT verify: " + problem;
        return notes.isEmpty() ? head : head + "; notes: " + String.join("; ", notes);
    }
}
