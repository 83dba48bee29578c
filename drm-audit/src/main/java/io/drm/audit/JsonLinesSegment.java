package io.drm.audit;

import io.drm.audit.internal.LogFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active file of a JSON-lines log: appends lines, forces them, and rotates the file when the
 * next line would take it past the rotation size (renamed to {@code <name>-<first seq>.jsonl}, a
 * new active file opened). A line cut off by a failed write is truncated away. Not thread-safe:
 * guarded by the sink's monitor.
 */
final class JsonLinesSegment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final LogFiles files;
    private final JsonLinesAuditSink.ChannelOpener opener;
    private final long rotateAtBytes;
    private FileChannel channel;
    private long bytes;
    private long firstSeq;
    private boolean dirty;
    /** A direct buffer, so a line goes to the file without a copy into a temporary one. */
    private ByteBuffer lineBuffer = ByteBuffer.allocateDirect(4096);

    /**
     * @param channel the active file, positioned at {@code bytes}
     * @param bytes its valid length
     * @param firstSeq the sequence number of its first entry (or of the next one, when empty)
     */
    JsonLinesSegment(LogFiles files, JsonLinesAuditSink.ChannelOpener opener, long rotateAtBytes,
            FileChannel channel, long bytes, long firstSeq) {
        this.files = files;
        this.opener = opener;
        this.rotateAtBytes = rotateAtBytes;
        this.channel = channel;
        this.bytes = bytes;
        this.firstSeq = firstSeq;
    }

    /** @return whether a line of {@code lineBytes} (newline included) must go to a new file */
    boolean rotationDue(int lineBytes) {
        return bytes > 0 && bytes + lineBytes > rotateAtBytes;
    }

    /**
     * Writes one line; on failure cuts off what part of it was written.
     *
     * @param canonical the line without its newline
     */
    void append(byte[] canonical) throws IOException {
        int length = canonical.length + 1;
        if (lineBuffer.capacity() < length) {
            lineBuffer = ByteBuffer.allocateDirect(Math.max(lineBuffer.capacity() * 2, length));
        }
        ByteBuffer buf = lineBuffer;
        buf.clear();
        buf.put(canonical).put((byte) '\n').flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            undoPartialWrite();
            throw e;
        }
        bytes += length;
    }

    private void undoPartialWrite() {
        try {
            channel.truncate(bytes);
            channel.position(bytes);
        } catch (IOException e) {
            LOG.debug("could not cut a partial line off {}", files.active(), e);
        }
    }

    /** Forces the active file's content to disk. */
    void force() throws IOException {
        channel.force(false);
        dirty = false;
    }

    /** @return whether lines were written since the last force */
    boolean dirty() {
        return dirty;
    }

    /** Notes that lines were written and not forced. */
    void markDirty() {
        dirty = true;
    }

    /**
     * Hands the channel to a background force: the lines written so far count as forced.
     *
     * @return the channel to force outside the monitor
     */
    FileChannel takeForForce() {
        dirty = false;
        return channel;
    }

    /** @return where the active file would be renamed to on rotation */
    Path rotationTarget() {
        return files.rotated(firstSeq);
    }

    /**
     * Renames the forced active file to {@link #rotationTarget()} and opens a new one.
     *
     * @param nextSeq the sequence number of the new file's first entry
     */
    void rotate(long nextSeq) throws IOException {
        Path target = rotationTarget();
        channel.close();
        Files.move(files.active(), target, StandardCopyOption.ATOMIC_MOVE);
        channel = opener.open(files.active());
        LOG.info("audit log {} rotated to {} after entry {}", files.active(), target.getFileName(), nextSeq - 1);
        bytes = 0;
        firstSeq = nextSeq;
    }

    /** Closes the active file; never throws. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", files.active(), e);
        }
    }
}
