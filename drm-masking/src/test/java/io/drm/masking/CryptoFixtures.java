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
        return drain(cipher, ciphertext, 7);
    }

    /** A byte no plaintext of the tests' fixtures is made of throughout a segment. */
    static final byte SENTINEL = 0x5a;

    /**
     * Reads a decrypting stream with a buffer of {@code bufferSize} bytes until it ends or fails;
     * returns what it released before that. The buffer is filled with {@link #SENTINEL} before each
     * read, and on failure it must hold only sentinel or zero bytes: a read that fails leaves no
     * plaintext of its segment in the reader's buffer (whole-segment buffers are decrypted into
     * directly).
     */
    static Released drain(ArtifactCipher cipher, byte[] ciphertext, int bufferSize) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[bufferSize];
        try (InputStream in = cipher.decryptingStream(new ByteArrayInputStream(ciphertext))) {
            while (true) {
                java.util.Arrays.fill(buf, SENTINEL);
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
            }
            return new Released(got.toByteArray(), null);
        } catch (RuntimeException | IOException e) {
            for (byte b : buf) {
                if (b != SENTINEL && b != 0) {
                    throw new AssertionError("a failed read left bytes other than the sentinel in the buffer", e);
                }
            }
            return new Released(got.toByteArray(), e);
        }
    }

    /** Decrypts with {@code transferTo} until it ends or fails; returns what it wrote before that. */
    static Released transfer(ArtifactCipher cipher, byte[] ciphertext) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = cipher.decryptingStream(new ByteArrayInputStream(ciphertext))) {
            long n = in.transferTo(got);
            if (n != got.size()) {
                throw new AssertionError("transferTo returned " + n + " but wrote " + got.size());
            }
            return new Released(got.toByteArray(), null);
        } catch (RuntimeException | IOException e) {
            return new Released(got.toByteArray(), e);
        }
    }

    /** The three ways of reading plaintext: small reads, whole-segment reads, and transferTo. */
    static java.util.List<Released> readAllWays(ArtifactCipher cipher, byte[] ciphertext, int segmentSize) {
        return java.util.List.of(drain(cipher, ciphertext), drain(cipher, ciphertext, segmentSize + 3),
                transfer(cipher, ciphertext));
    }

    record Released(byte[] bytes, Exception failure) {
    }
}
