package io.drm.masking.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over the segments of one artifact. Segment {@code i}'s 12-byte nonce is the
 * artifact's 7-byte random nonce prefix, {@code i} as a 4-byte big-endian unsigned number, and one
 * byte that is 1 for the last segment and 0 otherwise (Tink's AesGcmHkdfStreaming / the STREAM
 * construction); its associated data is the header's immutable part. So a segment moved to another
 * position, a non-last segment presented as the last (truncation at a segment boundary), or a
 * segment of another artifact (another data key and nonce prefix) fails its tag. One instance per
 * stream; not thread-safe.
 */
final class SegmentCipher {

    /** Bytes of a GCM tag. */
    static final int TAG = 16;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] aad;
    private final byte[] nonce = new byte[12];

    SegmentCipher(byte[] dataKey, ArtifactHeader header) {
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
        this.key = new SecretKeySpec(dataKey, "AES");
        this.aad = header.fixedPart();
        System.arraycopy(header.noncePrefix(), 0, nonce, 0, ArtifactHeader.NONCE_PREFIX_LENGTH);
    }

    private GCMParameterSpec nonce(long index, boolean last) {
        if (index > 0xffffffffL) {
            throw new IllegalStateException("an encrypted artifact has at most 2^32 segments");
        }
        ByteBuffer.wrap(nonce, ArtifactHeader.NONCE_PREFIX_LENGTH, 5).putInt((int) index).put((byte) (last ? 1 : 0));
        return new GCMParameterSpec(TAG * 8, nonce);
    }

    /** Encrypts {@code pt[0..n)} into {@code ct}, returning the bytes written ({@code n + 16}). */
    int encrypt(long index, boolean last, byte[] pt, int n, byte[] ct) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(aad);
            return cipher.doFinal(pt, 0, n, ct, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt a segment", e);
        }
    }

    /**
     * Decrypts {@code ct[0..n)} into {@code pt[ptOff..)}.
     *
     * @return the plaintext bytes written, or -1 if the segment does not authenticate
     */
    int decrypt(long index, boolean last, byte[] ct, int n, byte[] pt, int ptOff) {
        if (n < TAG) {
            return -1;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(index, last));
            cipher.updateAAD(aad);
            return cipher.doFinal(ct, 0, n, pt, ptOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt a segment", e);
        }
    }
}
