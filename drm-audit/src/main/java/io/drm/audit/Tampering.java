package io.drm.audit;

/** What the verifier found wrong with a log, at its first bad entry or checkpoint. */
public enum Tampering {
    /** An entry's content differs from what was sealed (its hash, or the next entry's link, disagrees). */
    MODIFIED,
    /** Entries are missing from the middle of the log. */
    DELETED,
    /** An entry that is not part of the chain was added. */
    INSERTED,
    /** Entries are present but out of order. */
    REORDERED,
    /** Entries are missing from the end: a checkpoint covers more entries than the log holds. */
    TRUNCATED,
    /** A checkpoint names a trusted key but its signature does not hold, or it is unsigned. */
    BAD_SIGNATURE,
    /** A checkpoint is signed by a key that is not trusted. */
    UNKNOWN_KEY
}
