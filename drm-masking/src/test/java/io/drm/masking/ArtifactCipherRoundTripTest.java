package io.drm.masking;

import static io.drm.masking.CryptoFixtures.bytes;
import static io.drm.masking.CryptoFixtures.cipher;
import static io.drm.masking.CryptoFixtures.decrypt;
import static io.drm.masking.CryptoFixtures.encrypt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ArtifactCipherRoundTripTest {

    private static final int S = ArtifactCipher.DEFAULT_SEGMENT_SIZE;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, S - 1, S, S + 1, 3 * S + 17})
    void roundTrip_defaultSegments(int size) throws IOException {
        ArtifactCipher cipher = cipher("k1");
        byte[] plain = bytes(size, size);
        byte[] ct = encrypt(cipher, plain);
        int segments = Math.max(1, (size + S - 1) / S);
        assertThat(ct.length - headerLength(ct)).isEqualTo(size + 16L * segments);
        assertThat(decrypt(cipher, ct)).isEqualTo(plain);
        assertThat(CryptoFixtures.drain(cipher, ct).bytes()).isEqualTo(plain);
        for (int buffer : new int[] {S - 1, S, S + 1, 2 * S}) {
            CryptoFixtures.Released r = CryptoFixtures.drain(cipher, ct, buffer);
            assertThat(r.failure()).as("buffer " + buffer).isNull();
            assertThat(r.bytes()).as("buffer " + buffer).isEqualTo(plain);
        }
        assertThat(CryptoFixtures.transfer(cipher, ct).bytes()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 48, 100})
    void readsOfMixedSizes_giveThePlaintextInOrder(int size) throws IOException {
        ArtifactCipher cipher = cipher("k1").withSegmentSize(16);
        byte[] plain = bytes(size, size + 1);
        byte[] ct = encrypt(cipher, plain);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try (InputStream in = cipher.decryptingStream(new java.io.ByteArrayInputStream(ct))) {
            int[] sizes = {3, 16, 40, 1, 17, 5};
            for (int i = 0; ; i++) {
                if (i % 4 == 3) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    got.write(b);
                    continue;
                }
                byte[] buf = new byte[sizes[i % sizes.length]];
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
                if (i % 5 == 4) {
                    in.transferTo(got);
                }
            }
        }
        assertThat(got.toByteArray()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 100})
    void roundTrip_smallSegments(int size) throws IOException {
        ArtifactCipher cipher = cipher("k1").withSegmentSize(16);
        byte[] plain = bytes(size, size);
        byte[] ct = encrypt(cipher, plain);
        assertThat(decrypt(cipher, ct)).isEqualTo(plain);
        assertThat(CryptoFixtures.drain(cipher, ct).failure()).isNull();
    }

    @Test
    void emptyPlaintext_isOneEmptyLastSegment() {
        byte[] ct = encrypt(cipher("k1"), new byte[0]);
        assertThat(ct.length - headerLength(ct)).isEqualTo(16);
    }

    @Test
    void sameInput_encryptsDifferentlyEachTime() {
        byte[] plain = bytes(100, 5);
        assertThat(encrypt(cipher("k1"), plain)).isNotEqualTo(encrypt(cipher("k1"), plain));
    }

    @Test
    void hundredMegabytes_streamThroughFiles(@TempDir Path dir) throws Exception {
        long size = 100L << 20;
        ArtifactCipher cipher = cipher("k1");
        Path enc = dir.resolve("big.enc");
        byte[] expected;
        try (DigestInputStream in = new DigestInputStream(new GeneratedStream(size, 42), sha256());
                OutputStream out = Files.newOutputStream(enc)) {
            cipher.encrypt(in, out);
            expected = in.getMessageDigest().digest();
        }
        assertThat(Files.size(enc)).isGreaterThan(size);
        MessageDigest actual = sha256();
        long total = 0;
        try (InputStream plain = cipher.decryptingStream(Files.newInputStream(enc))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = plain.read(buf)) >= 0; ) {
                actual.update(buf, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        assertThat(actual.digest()).isEqualTo(expected);
    }

    @Test
    void files_roundTrip(@TempDir Path dir) throws IOException {
        ArtifactCipher cipher = cipher("k1");
        byte[] plain = bytes(S + 5, 9);
        Path src = Files.write(dir.resolve("data.csv"), plain);
        cipher.encrypt(src, dir.resolve("V1__data.csv.enc"));
        cipher.decrypt(dir.resolve("V1__data.csv.enc"), dir.resolve("back.csv"));
        assertThat(Files.readAllBytes(dir.resolve("back.csv"))).isEqualTo(plain);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "data.csv", "V1__data.csv.enc", "back.csv");
        }
    }

    static int headerLength(byte[] ct) {
        int idLen = ct[16] & 0xff;
        return 16 + 1 + idLen + 1 + (ct[17 + idLen] & 0xff);
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** A deterministic pseudo-random stream of a given length, generated as it is read. */
    static final class GeneratedStream extends InputStream {
        private final Random random;
        private long left;
        private final byte[] chunk = new byte[8192];

        GeneratedStream(long size, long seed) {
            this.left = size;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), chunk.length);
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
