package io.drm.audit.internal;

import io.drm.audit.Checkpoint;
import java.io.IOException;
import java.util.List;

/** A stored log as the verifier and the prover read it: entries in storage order and checkpoints. */
public interface LogStore {

    /** @return a short name for messages: a file or a table */
    String name();

    /**
     * @return the entries in storage order
     * @throws IOException if the store cannot be read
     */
    EntrySource entries() throws IOException;

    /**
     * Reads {@code count} entries from sequence number {@code fromSeq} on, for proofs; the index
     * tells where they start.
     *
     * @param fromSeq first sequence number
     * @param count how many
     * @param hint where entry {@code fromSeq} was found while indexing (store-specific), or -1
     * @return their canonical JSON, in order
     * @throws IOException if the store cannot be read or the entries are not there
     */
    List<byte[]> canonical(long fromSeq, int count, long hint) throws IOException;

    /**
     * @param source a source this store made, positioned on an entry
     * @return where that entry starts, for {@link #canonical}
     */
    long hint(EntrySource source);

    /**
     * @return the stored checkpoints (any order; signatures not yet checked)
     * @throws IOException if they cannot be read
     */
    List<Checkpoint> checkpoints() throws IOException;

    /**
     * Compares an entry's side columns (for a table) with its content.
     *
     * @param source the source that produced the entry
     * @param parsed the entry, fully parsed
     * @return what differs, or null
     */
    default String columnMismatch(EntrySource source, EntryCodec.Parsed parsed) {
        return null;
    }

    /** @return whether {@link #columnMismatch} has anything to check (entries must then be fully parsed) */
    default boolean hasColumns() {
        return false;
    }
}
