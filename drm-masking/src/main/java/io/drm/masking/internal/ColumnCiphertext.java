package io.drm.masking.internal;

import io.drm.masking.IntegrityException;
import io.drm.masking.MalformedCiphertextException;
import io.drm.masking.UnknownKeyIdException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The format of an encrypted column value, version 1: standard base64 (RFC 4648, padded) of
 * <pre>
 *   format (1)  0x01 randomised AES-256-GCM, 0x02 deterministic AES-SIV
 *   n (1)       key id length, 1..255
 *   key id (n)  UTF-8
 *   0x01: nonce (12) || ciphertext || tag (16)    associated data: the bytes 0 .. 2+n
 *   0x02: V (16) || ciphertext (RFC 5297)          associated data: one component, bytes 0 .. 2+n
 * </pre>
 * The plaintext is the value's UTF-8. The format byte and key id are authenticated, so a value
 * relabelled to another key id or format fails. Stateless and thread-safe.
 */
public final class ColumnCiphertext {

    /** Format byte of randomised values. */
    public static final byte RANDOMISED = 0x01;

    /** Format byte of deterministic values. */
    public static final byte DETERMINISTIC = 0x02;

    /** Bytes of a GCM nonce. */
    static final int NONCE = 12;

    /** Bytes of a GCM tag. */
    static final int TAG = 16;

    /** Most UTF-8 bytes a character of a column's declared size can take. */
    static final int MAX_UTF8_PER_CHAR = 4;

    private ColumnCiphertext() {
    }

    /**
     * Encrypts under the primary key.
     *
     * @param keys the keys
     * @param deterministic AES-SIV if true, AES-GCM with a fresh random nonce if false
     * @param text the value
     * @param random where nonces come from
     * @param masker the masker's name, for messages
     * @return the base64 ciphertext
     * @throws IllegalArgumentException if the text is not valid Unicode (an unpaired surrogate)
     */
    public static String encrypt(ColumnKeys keys, boolean deterministic, String text, SecureRandom random,
            String masker) {
        byte[] plaintext = utf8(text, masker);
        byte[] header = header(deterministic ? DETERMINISTIC : RANDOMISED, keys.primaryKeyId());
        ColumnKey key = keys.primary();
        byte[] out;
        if (deterministic) {
            byte[] body = key.siv().encrypt(plaintext, header);
            out = Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, out, header.length, body.length);
        } else {
            out = Arrays.copyOf(header, header.length + NONCE + plaintext.length + TAG);
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            System.arraycopy(nonce, 0, out, header.length, NONCE);
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key.gcm(), new GCMParameterSpec(TAG * 8, nonce));
                c.updateAAD(header);
                c.doFinal(plaintext, 0, plaintext.length, out, header.length + NONCE);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this JDK", e);
            }
        }
        Arrays.fill(plaintext, (byte) 0);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Decrypts a value of either format under the key its id names.
     *
     * @param keys the keys
     * @param text the base64 ciphertext
     * @param masker the masker's name, for messages
     * @return the plaintext
     * @throws MalformedCiphertextException if the text is not a column ciphertext
     * @throws UnknownKeyIdException if its key id is not in the keyring
     * @throws IntegrityException if it does not authenticate (altered, or another key under that id)
     */
    public static String decrypt(ColumnKeys keys, String text, String masker) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(masker, "is not base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw malformed(masker, "is not canonical base64");
        }
        if (bytes.length < 3) {
            throw malformed(masker, "is too short");
        }
        byte format = bytes[0];
        if (format != RANDOMISED && format != DETERMINISTIC) {
            throw malformed(masker, "has the unknown format byte " + (format & 0xff)
                    + " (a newer drm, or not drm's)");
        }
        int n = bytes[1] & 0xff;
        int body = 2 + n;
        int least = body + (format == RANDOMISED ? NONCE + TAG : AesSiv.IV_LENGTH);
        if (n == 0 || bytes.length < least) {
            throw malformed(masker, "is too short for its header");
        }
        String keyId;
        try {
            keyId = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 2, n)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(masker, "has a key id that is not UTF-8");
        }
        ColumnKey key = keys.keys().get(keyId);
        if (key == null) {
            throw new UnknownKeyIdException(masker + ": a value is encrypted under key id '" + keyId + "', which "
                    + keys + " does not list; add that key to the keyring (Keyring.of(provider, primary, \""
                    + keyId + "\"))");
        }
        byte[] header = Arrays.copyOf(bytes, body);
        byte[] plaintext;
        if (format == DETERMINISTIC) {
            plaintext = key.siv().decrypt(bytes, body, bytes.length - body, header);
        } else {
            plaintext = gcmDecrypt(key, bytes, body, header);
        }
        if (plaintext == null) {
            throw new IntegrityException(masker + ": a value under key id '" + keyId + "' does not authenticate:"
                    + " it was altered, or the key under that id is not the one it was encrypted with; nothing of"
                    + " it was decrypted");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(masker, "authenticates but its plaintext is not UTF-8 (not written by drm)");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] gcmDecrypt(ColumnKey key, byte[] bytes, int body, byte[] header) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.gcm(), new GCMParameterSpec(TAG * 8, bytes, body, NONCE));
            c.updateAAD(header);
            return c.doFinal(bytes, body + NONCE, bytes.length - body - NONCE);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The longest ciphertext of a value of at most {@code chars} characters, in base64 characters.
     *
     * @param keyId the key id that encrypts
     * @param deterministic which format
     * @param chars the most characters of a value (code points or UTF-16 units: either way at most
     *     {@value #MAX_UTF8_PER_CHAR} UTF-8 bytes each)
     * @return the bound
     */
    public static long maxLength(String keyId, boolean deterministic, long chars) {
        long bytes = 2L + keyId.getBytes(StandardCharsets.UTF_8).length
                + (deterministic ? AesSiv.IV_LENGTH : NONCE + TAG) + MAX_UTF8_PER_CHAR * chars;
        return 4 * ((bytes + 2) / 3);
    }

    private static byte[] header(byte format, String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[2 + id.length];
        h[0] = format;
        h[1] = (byte) id.length;
        System.arraycopy(id, 0, h, 2, id.length);
        return h;
    }

    private static byte[] utf8(String text, String masker) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            if (b.hasArray()) {
                Arrays.fill(b.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(masker + ": a value is not valid Unicode (it has an unpaired"
                    + " surrogate), so it would not decrypt to itself");
        }
    }

    private static MalformedCiphertextException malformed(String masker, String what) {
        return new MalformedCiphertextException(masker + ": a value " + what + ", so it is not a drm column"
                + " ciphertext (format: docs/encryption.md, column encryption); nothing was decrypted. Check that"
                + " the column holds values written by Maskers.encrypt or encryptDeterministic");
    }
}
