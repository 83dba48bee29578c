package io.drm.masking.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-SIV, deterministic authenticated encryption exactly as RFC 5297: S2V with AES-CMAC under the
 * first half of the key, then AES-CTR under the second half with the synthetic IV (bits 63 and 31
 * cleared) as the counter. The output is {@code V (16 bytes) || C}. Bouncy Castle has CMAC but no
 * RFC 5297 SIV (its {@code GCMSIVBlockCipher} is the different AES-GCM-SIV of RFC 8452), so the
 * construction is here, from BC's CMAC and the JDK's AES-CTR, and tested against the RFC's
 * vectors. Immutable and thread-safe (every call makes its own MAC and cipher).
 */
public final class AesSiv {

    /** Bytes of the synthetic IV. */
    public static final int IV_LENGTH = 16;

    private static final byte[] ZERO = new byte[16];

    private final byte[] macKey;
    private final SecretKeySpec ctrKey;

    /**
     * @param key 32, 48 or 64 bytes (AES-128, -192 or -256 SIV); copied
     * @throws IllegalArgumentException if the key has another length
     */
    public AesSiv(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32 && key.length != 48 && key.length != 64) {
            throw new IllegalArgumentException("an AES-SIV key has 32, 48 or 64 bytes, not " + key.length);
        }
        int half = key.length / 2;
        this.macKey = Arrays.copyOfRange(key, 0, half);
        this.ctrKey = new SecretKeySpec(key, half, half, "AES");
    }

    /**
     * @param plaintext the plaintext
     * @param associatedData the associated data components, in order (each authenticated, not encrypted)
     * @return {@code V || C}, 16 bytes longer than the plaintext
     */
    public byte[] encrypt(byte[] plaintext, byte[]... associatedData) {
        byte[] v = s2v(associatedData, plaintext);
        byte[] out = Arrays.copyOf(v, IV_LENGTH + plaintext.length);
        ctr(v, plaintext, 0, plaintext.length, out, IV_LENGTH);
        return out;
    }

    /**
     * @param ciphertext {@code V || C} from {@link #encrypt}
     * @param offset where it starts in the array
     * @param length its length
     * @param associatedData the associated data given to {@link #encrypt}
     * @return the plaintext, or {@code null} if it does not authenticate (nothing of it is released)
     */
    public byte[] decrypt(byte[] ciphertext, int offset, int length, byte[]... associatedData) {
        if (length < IV_LENGTH) {
            return null;
        }
        byte[] v = Arrays.copyOfRange(ciphertext, offset, offset + IV_LENGTH);
        byte[] plaintext = new byte[length - IV_LENGTH];
        ctr(v, ciphertext, offset + IV_LENGTH, plaintext.length, plaintext, 0);
        byte[] check = s2v(associatedData, plaintext);
        if (!MessageDigest.isEqual(v, check)) {
            Arrays.fill(plaintext, (byte) 0);
            return null;
        }
        return plaintext;
    }

    private byte[] s2v(byte[][] associatedData, byte[] plaintext) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(macKey));
        byte[] d = cmac(mac, ZERO);
        for (byte[] ad : associatedData) {
            d = xor(dbl(d), cmac(mac, ad));
        }
        byte[] t;
        if (plaintext.length >= 16) {
            t = plaintext.clone();
            int start = t.length - 16;
            for (int i = 0; i < 16; i++) {
                t[start + i] ^= d[i];
            }
        } else {
            byte[] padded = new byte[16];
            System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
            padded[plaintext.length] = (byte) 0x80;
            t = xor(dbl(d), padded);
        }
        byte[] v = cmac(mac, t);
        Arrays.fill(t, (byte) 0);
        return v;
    }

    private static byte[] cmac(CMac mac, byte[] input) {
        mac.update(input, 0, input.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }

    /** Doubling in GF(2^128), as RFC 5297 section 2.3. */
    static byte[] dbl(byte[] s) {
        byte[] out = new byte[16];
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int b = s[i] & 0xff;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if (carry != 0) {
            out[15] ^= (byte) 0x87;
        }
        return out;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private void ctr(byte[] v, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        byte[] q = v.clone();
        q[8] &= 0x7f;
        q[12] &= 0x7f;
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, ctrKey, new IvParameterSpec(q));
            c.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AesSiv[" + macKey.length * 16 + "-bit key]";
    }
}
