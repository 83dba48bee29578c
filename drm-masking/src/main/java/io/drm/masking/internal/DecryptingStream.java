package io.drm.masking.internal;

import io.drm.masking.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The plaintext of an artifact's segments, released one segment at a time and only after that
 * segment's tag has verified. A segment that fails makes {@code read} throw
 * {@link IntegrityException} (then and on every later call); no byte of it is returned. Whether a
 * segment is the last is decided by the ciphertext: a full segment followed by end of input, or a
 * short one. Memory: two buffers of about one segment. A {@code read} with room for a whole segment,
 * and {@link #transferTo}, take the plaintext without copying it once more. Not thread-safe.
 */
public final class DecryptingStream extends InputStream {

    private final InputStream in;
    private final String where;
    private final int segmentSize;
    private final SegmentCipher cipher;
    private final byte[] ct;
    private final byte[] pt;
    /** Bytes of the next segment already in {@code ct} (its first byte, read with the last segment). */
    private int carried;
    private long index;
    private int pos;
    private int limit;
    private boolean done;
    private IntegrityException failed;
    private boolean closed;

    /**
     * @param in the ciphertext, positioned just after the header
     * @param header the artifact's header
     * @param dataKey the unwrapped data key
     * @param where what the input is, for messages
     */
    public DecryptingStream(InputStream in, ArtifactHeader header, byte[] dataKey, String where) {
        this.in = in;
        this.where = where;
        this.segmentSize = header.segmentSize();
        this.cipher = new SegmentCipher(dataKey, header);
        this.ct = new byte[segmentSize + SegmentCipher.TAG + 1];
        this.pt = new byte[segmentSize];
    }

    /**
     * Reads and decrypts the next segment into {@code target[off..)}, which has room for a whole
     * segment's plaintext. The segment is read together with one byte of the next one (kept at
     * {@code ct[0]} for the next call), so that the end of input is known without a separate
     * one-byte read. On failure nothing of the segment is left in {@code target}.
     *
     * @return the plaintext bytes written
     */
    private int decryptNext(byte[] target, int off) throws IOException {
        int n = carried + in.readNBytes(ct, carried, ct.length - carried);
        boolean last = n < ct.length;
        int length = last ? n : n - 1;
        int got = cipher.decrypt(index, last, ct, length, target, off);
        if (got < 0) {
            Arrays.fill(target, off, Math.min(target.length, off + segmentSize), (byte) 0);
            failed = new IntegrityException(where + ": segment " + index + " (bytes " + (index * (ct.length - 1))
                    + " onwards after the header) failed authentication: the artifact was altered, truncated, "
                    + "reordered or spliced from another artifact; no plaintext of it was released; restore the "
                    + "artifact from its source");
            throw failed;
        }
        if (last) {
            done = true;
        } else {
            ct[0] = ct[n - 1];
            carried = 1;
        }
        index++;
        return got;
    }

    private boolean fill() throws IOException {
        if (failed != null) {
            throw failed;
        }
        while (pos == limit) {
            if (done) {
                return false;
            }
            limit = decryptNext(pt, 0);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        return fill() ? pt[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (failed != null) {
            throw failed;
        }
        // A reader with room for a whole segment gets it decrypted straight into its buffer.
        while (pos == limit && !done && len >= segmentSize) {
            int got = decryptNext(b, off);
            if (got > 0) {
                return got;
            }
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(pt, pos, b, off, n);
        pos += n;
        return n;
    }

    /**
     * Writes the rest of the plaintext to {@code out}, each segment straight from the buffer it was
     * decrypted into, after it authenticates.
     */
    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        java.util.Objects.requireNonNull(out, "out");
        ensureOpen();
        long total = 0;
        while (fill()) {
            int n = limit - pos;
            out.write(pt, pos, n);
            pos = limit;
            total += n;
        }
        return total;
    }

    @Override
    public int available() throws IOException {
        return closed ? 0 : limit - pos;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(where + ": the decrypting stream is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            Arrays.fill(pt, (byte) 0);
            in.close();
        }
    }
}
