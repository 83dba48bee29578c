package io.drm.masking.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps a data key under a key-encryption key with AES-256-GCM: a random 12-byte nonce, then the
 * encrypted key and its 16-byte tag, with caller-given associated data. The AES key is not the
 * provider's key itself but HKDF-SHA256 of it with info {@value #INFO}, so a key id shared with
 * masking never uses the same AES key for two purposes. Stateless and thread-safe.
 */
public final class KeyWrap {

    /** HKDF info of the wrapping key. */
    public static final String INFO = "drm-crypto/v1/key-encryption-key";

    /** Bytes of a wrapped 32-byte data key: nonce 12, key 32, tag 16. */
    public static final int WRAPPED_LENGTH = 12 + 32 + 16;

    private KeyWrap() {
    }

    /**
     * @param providerKey a key from a {@code KeyProvider} (16 to 64 bytes)
     * @return the 32-byte AES key that wraps data keys under it
     */
    public static byte[] wrappingKey(byte[] providerKey) {
        return Hkdf.sha256(providerKey, null, INFO.getBytes(StandardCharsets.US_ASCII), 32);
    }

    /**
     * @param kek a wrapping key from {@link #wrappingKey}
     * @param dataKey the data key
     * @param aad the associated data
     * @param random where the nonce comes from
     * @return nonce, encrypted key and tag
     */
    public static byte[] wrap(byte[] kek, byte[] dataKey, byte[] aad, SecureRandom random) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            byte[] out = Arrays.copyOf(nonce, 12 + dataKey.length + 16);
            c.doFinal(dataKey, 0, dataKey.length, out, 12);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * @param kek a wrapping key from {@link #wrappingKey}
     * @param wrapped the output of {@link #wrap}
     * @param aad the associated data given to {@link #wrap}
     * @return the data key, or {@code null} if it does not authenticate (wrong key or altered input)
     */
    public static byte[] unwrap(byte[] kek, byte[] wrapped, byte[] aad) {
        if (wrapped.length < 12 + 16) {
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, wrapped, 0, 12));
            c.updateAAD(aad);
            return c.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
