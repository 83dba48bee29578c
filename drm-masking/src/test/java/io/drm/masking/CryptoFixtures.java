package io.drm.masking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;

/** Keys and helpers shared by the encryption tests. */
final class CryptoFixtures {

    static final byte[] K1 = bytes(32, 1);
    static final byte[] K2 = bytes(32, 2);
    static final byte[] K1_OTHER = bytes(32, 3);

    static final KeyProvider KEYS = KeyProvider.of(Map.of("k1", K1, "k2", K2));

    private CryptoFixtures() {
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static ArtifactCipher cipher(String primary, String... others) {
        return ArtifactCipher.of(Keyring.of(KEYS, primary, others));
    }

    static byte[] encrypt(ArtifactCipher cipher, byte[] plaintext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            cipher.encrypt(new ByteArrayInputStream(plaintext), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] decrypt(ArtifactCipher cipher, byte[] ciphertext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cipher.decrypt(new ByteArrayInputStream(ciphertext), out);
        return out.toByteArray();
    }

    /** Reads a decrypting stream until it ends or fails; returns what it released before that. */
    static Released drain(ArtifactCipher cipher, byte[] ciphertext) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = cipher.decryptingStream(new ByteArrayInputStream(ciphertext))) {
            byte[] buf = new byte[7];
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
            return new Released(got.toByteArray(), null);
        } catch (RuntimeException | IOException e) {
            return new Released(got.toByteArray(), e);
        }
    }

    record Released(byte[] bytes, Exception failure) {
    }
}
