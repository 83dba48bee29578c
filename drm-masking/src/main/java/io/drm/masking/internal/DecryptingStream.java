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
 * short one. Memory: two buffers of about one segment. Not thread-safe.
 */
public final class DecryptingStream extends InputStream {

    private final InputStream in;
    private final String where;
    private final int segmentSize;
    private final SegmentCipher cipher;
    private final byte[] ct;
    private final byte[] pt;
    private int carried = -1;
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
        this.ct = new byte[segmentSize + SegmentCipher.TAG];
        this.pt = new byte[segmentSize];
    }

    private boolean fill() throws IOException {
        if (failed != null) {
            throw failed;
        }
        while (pos == limit) {
            if (done) {
                return false;
            }
            int n = 0;
            if (carried >= 0) {
                ct[n++] = (byte) carried;
            }
            n += in.readNBytes(ct, n, ct.length - n);
            carried = n == ct.length ? in.read() : -1;
            boolean last = carried < 0;
            int got = cipher.decrypt(index, last, ct, n, pt);
            if (got < 0) {
                Arrays.fill(pt, (byte) 0);
                failed = new IntegrityException(where + ": segment " + index + " (bytes " + (index * ct.length)
                        + " onwards after the header) failed authentication: the artifact was altered, truncated, "
                        + "reordered or spliced from another artifact; no plaintext of it was released; restore the "
                        + "artifact from its source");
                throw failed;
            }
            index++;
            pos = 0;
            limit = got;
            done = last;
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
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(pt, pos, b, off, n);
        pos += n;
        return n;
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
