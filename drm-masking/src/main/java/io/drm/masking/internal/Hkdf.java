package io.drm.masking.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input keying material, then
 * expand it into as many bytes as needed for a context ({@code info}). Stateless and thread-safe.
 */
public final class Hkdf {

    /** Bytes of an HMAC-SHA256 output. */
    public static final int HASH_LENGTH = 32;

    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    /**
     * Extract and expand in one step.
     *
     * @param ikm the input keying material
     * @param salt the salt; {@code null} or empty stands for {@value #HASH_LENGTH} zero bytes, as in
     *     the RFC
     * @param info the context, may be empty
     * @param length how many bytes to return, 1 to 255 * 32
     * @return the output keying material
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /**
     * HKDF-Extract.
     *
     * @param salt the salt; {@code null} or empty stands for {@value #HASH_LENGTH} zero bytes
     * @param ikm the input keying material
     * @return the 32-byte pseudorandom key
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        // HMAC pads a short key with zeros, so 32 zero bytes is exactly the RFC's "no salt";
        // SecretKeySpec refuses an empty array.
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        Mac mac = mac(effectiveSalt);
        return mac.doFinal(ikm);
    }

    /**
     * HKDF-Expand.
     *
     * @param prk a pseudorandom key of at least 32 bytes
     * @param info the context, may be empty
     * @param length how many bytes to return, 1 to 255 * 32
     * @return the output keying material
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 1 to " + 255 * HASH_LENGTH
                    + " bytes, not " + length);
        }
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) i);
            block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /**
     * A new HMAC-SHA256 instance initialised with a key.
     *
     * @param key the HMAC key, not empty
     * @return the initialised {@code Mac}
     * @throws IllegalStateException if the JDK offers no HMAC-SHA256
     */
    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
