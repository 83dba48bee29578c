package io.drm.masking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes the segments of an artifact: reads the plaintext one segment at a time (with one byte of
 * look-ahead, so that a plaintext whose length is a multiple of the segment size ends with a full
 * last segment and an empty plaintext gives one empty last segment). Memory: two buffers of about
 * one segment.
 */
public final class SegmentEncryptor {

    private SegmentEncryptor() {
    }

    /**
     * @param plaintext the plaintext, read to its end (not closed)
     * @param out where the segments go (not closed; the header must already be written)
     * @param header the artifact's header
     * @param dataKey the artifact's data key
     * @return the plaintext bytes encrypted
     * @throws IOException if reading or writing fails
     */
    public static long encrypt(InputStream plaintext, OutputStream out, ArtifactHeader header, byte[] dataKey)
            throws IOException {
        int size = header.segmentSize();
        SegmentCipher cipher = new SegmentCipher(dataKey, header);
        byte[] pt = new byte[size];
        byte[] ct = new byte[size + SegmentCipher.TAG];
        int carried = -1;
        long total = 0;
        try {
            for (long index = 0; ; index++) {
                int n = 0;
                if (carried >= 0) {
                    pt[n++] = (byte) carried;
                }
                n += plaintext.readNBytes(pt, n, size - n);
                carried = n == size ? plaintext.read() : -1;
                boolean last = carried < 0;
                int written = cipher.encrypt(index, last, pt, n, ct);
                out.write(ct, 0, written);
                total += n;
                if (last) {
                    return total;
                }
            }
        } finally {
            Arrays.fill(pt, (byte) 0);
        }
    }
}
