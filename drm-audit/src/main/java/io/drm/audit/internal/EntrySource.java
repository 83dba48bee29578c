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

    @Override
    void close() throws IOException;
}
