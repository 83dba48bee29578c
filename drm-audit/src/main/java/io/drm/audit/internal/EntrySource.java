package io.drm.audit.internal;

import java.io.IOException;

/**
 * Streams the stored entries of a log in storage order (file order, or sequence order for a
 * table), parsing each one, with memory bounded by one entry.
 */
public interface EntrySource extends AutoCloseable {

    /** One stored entry: where it is, and what it holds (or why it cannot be read). */
    record Item(String location, long position, EntryCodec.Parsed parsed, String malformed, long storedSeq) {
    }

    /**
     * @return the next entry, or null at the end
     * @throws IOException if reading fails
     */
    Item next() throws IOException;

    /**
     * @return bytes after the last complete entry that do not form one (a torn line), or null
     */
    default byte[] torn() {
        return null;
    }

    /**
     * Returns the stored bytes of the entry the last {@link #next()} returned, for a reader that
     * needs the event of an item whose {@link Item#parsed()} came from
     * {@link EntryCodec#quickCheck} (which leaves the event null).
     *
     * @return a copy of the entry's stored bytes, or null before the first entry or when the source
     *     does not keep them (after the end: unspecified)
     */
    default byte[] entryBytes() {
        return null;
    }

    @Override
    void close() throws IOException;
}
