package io.drm.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines of bytes from a stream into a reused buffer, keeping memory
 * bounded by the longest line. A last line without its {@code \n} is reported as torn.
 */
public final class LineReader implements AutoCloseable {

    private final InputStream in;
    private byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[4096];
    private int lineLen;
    private long lineOffset;
    private long position;
    private boolean torn;

    /** @param in the stream, closed with this reader */
    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next complete line.
     *
     * @return whether there was one; false at the end, or when the rest is a torn line
     * @throws IOException if reading fails
     */
    public boolean next() throws IOException {
        lineLen = 0;
        lineOffset = position;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    torn = lineLen > 0;
                    return false;
                }
            }
            int start = chunkPos;
            while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            append(start, chunkPos - start);
            if (chunkPos < chunkLen) {
                chunkPos++;
                position += lineLen + 1;
                return true;
            }
        }
    }

    private void append(int from, int n) {
        if (lineLen + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
        }
        System.arraycopy(chunk, from, line, lineLen, n);
        lineLen += n;
    }

    /** @return the buffer holding the current line (valid until the next call) */
    public byte[] buffer() {
        return line;
    }

    /** @return the current line's length, without its newline */
    public int length() {
        return lineLen;
    }

    /** @return the byte offset where the current line (or the torn rest) starts */
    public long lineOffset() {
        return lineOffset;
    }

    /** @return whether the stream ended with bytes after the last newline */
    public boolean torn() {
        return torn;
    }

    /** @return the torn bytes, after {@link #next()} returned false with {@link #torn()} */
    public byte[] tornBytes() {
        return Arrays.copyOf(line, lineLen);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
