package io.drm.masking;

import static io.drm.masking.CryptoFixtures.bytes;
import static io.drm.masking.CryptoFixtures.cipher;
import static io.drm.masking.CryptoFixtures.decrypt;
import static io.drm.masking.CryptoFixtures.drain;
import static io.drm.masking.CryptoFixtures.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.DrmException;
import io.drm.ErrorCode;
import io.drm.spi.ArtifactDecryptor;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ArtifactCipherBadInputTest {

    private static final int S = 16;
    private static final ArtifactCipher CIPHER = cipher("k1").withSegmentSize(S);
    /** 4 segments: 3 full and a last one of 2 bytes. */
    private static final byte[] PLAIN = bytes(3 * S + 2, 77);
    private static final byte[] CT = encrypt(CIPHER, PLAIN);
    private static final int HEADER = ArtifactCipherRoundTripTest.headerLength(CT);
    private static final Set<ErrorCode> CRYPTO_CODES = Set.of(NotAnEncryptedArtifactException.CODE,
            UnsupportedFormatVersionException.CODE, UnknownKeyIdException.CODE, KeyUnwrapException.CODE,
            IntegrityException.CODE);

    @Test
    void everyFlippedBit_isDetected_andNoPlaintextOfItsSegmentReleased() {
        for (int pos = 0; pos < CT.length; pos++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = CT.clone();
                bad[pos] ^= (byte) (1 << bit);
                for (CryptoFixtures.Released r : CryptoFixtures.readAllWays(CIPHER, bad, S)) {
                    String at = "bit " + bit + " of byte " + pos;
                    assertThat(r.failure()).as(at).isInstanceOf(DrmException.class);
                    assertThat(((DrmException) r.failure()).code()).as(at).isIn(CRYPTO_CODES);
                    int segment = pos < HEADER ? 0 : (pos - HEADER) / (S + 16);
                    assertThat(r.bytes().length).as(at).isLessThanOrEqualTo(segment * S);
                    assertThat(r.bytes()).as(at).isEqualTo(Arrays.copyOf(PLAIN, r.bytes().length));
                }
            }
        }
    }

    @Test
    void everyTruncation_isDetected() {
        for (int len = 0; len < CT.length; len++) {
            byte[] cut = Arrays.copyOf(CT, len);
            for (CryptoFixtures.Released r : CryptoFixtures.readAllWays(CIPHER, cut, S)) {
                assertThat(r.failure()).as("cut to " + len).isInstanceOf(DrmException.class);
                assertThat(((DrmException) r.failure()).code()).as("cut to " + len).isIn(CRYPTO_CODES);
                assertThat(r.bytes()).isEqualTo(Arrays.copyOf(PLAIN, r.bytes().length));
                assertThat(r.bytes().length).isLessThan(PLAIN.length);
            }
        }
    }

    @Test
    void cutExactlyAtSegmentBoundary_isAnIntegrityFailure_afterTheIntactSegments() {
        byte[] cut = Arrays.copyOf(CT, HEADER + 2 * (S + 16));
        for (CryptoFixtures.Released r : CryptoFixtures.readAllWays(CIPHER, cut, S)) {
            assertThat(r.failure()).isInstanceOf(IntegrityException.class).hasMessageContaining("DRM-CRYPTO-005")
                    .hasMessageContaining("segment 1");
            assertThat(r.bytes()).isEqualTo(Arrays.copyOf(PLAIN, S));
        }
    }

    @Test
    void appendedBytes_areDetected() {
        byte[] longer = Arrays.copyOf(CT, CT.length + 1);
        assertThat(drain(CIPHER, longer).failure()).isInstanceOf(IntegrityException.class);
    }

    @Test
    void swappedSegments_areDetected() {
        byte[] bad = CT.clone();
        System.arraycopy(CT, HEADER, bad, HEADER + S + 16, S + 16);
        System.arraycopy(CT, HEADER + S + 16, bad, HEADER, S + 16);
        CryptoFixtures.Released r = drain(CIPHER, bad);
        assertThat(r.failure()).isInstanceOf(IntegrityException.class).hasMessageContaining("segment 0");
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void segmentSplicedFromAnotherFileUnderTheSameKey_isDetected() {
        byte[] other = encrypt(CIPHER, PLAIN);
        byte[] bad = CT.clone();
        System.arraycopy(other, HEADER + S + 16, bad, HEADER + S + 16, S + 16);
        CryptoFixtures.Released r = drain(CIPHER, bad);
        assertThat(r.failure()).isInstanceOf(IntegrityException.class).hasMessageContaining("segment 1");
        assertThat(r.bytes()).isEqualTo(Arrays.copyOf(PLAIN, S));
    }

    @Test
    void newerFormatVersion_isRefused() {
        byte[] bad = CT.clone();
        bad[4] = 2;
        assertThatThrownBy(() -> decrypt(CIPHER, bad)).isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("DRM-CRYPTO-002").hasMessageContaining("version 2")
                .hasMessageContaining("upgrade drm");
    }

    @Test
    void emptyFile_isRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("V1__x.csv.enc"));
        assertThatThrownBy(() -> CIPHER.decrypt(empty, dir.resolve("x.csv")))
                .isInstanceOf(NotAnEncryptedArtifactException.class).hasMessageContaining("DRM-CRYPTO-001")
                .hasMessageContaining("is empty").hasMessageContaining(empty.toString());
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void notAnArtifact_isRefused() {
        assertThatThrownBy(() -> decrypt(CIPHER, "id,name\n1,a\n".getBytes()))
                .isInstanceOf(NotAnEncryptedArtifactException.class).hasMessageContaining("magic");
    }

    @Test
    void unknownKeyId_isRefused_atDecryptingStream() {
        ArtifactCipher onlyK2 = cipher("k2");
        assertThatThrownBy(() -> onlyK2.decryptingStream(new ByteArrayInputStream(CT)))
                .isInstanceOf(UnknownKeyIdException.class).hasMessageContaining("DRM-CRYPTO-003")
                .hasMessageContaining("'k1'");
    }

    @Test
    void wrongKeyUnderTheRightId_isRefused() {
        ArtifactCipher wrong = ArtifactCipher.of(Keyring.of(KeyProvider.of(Map.of("k1", CryptoFixtures.K1_OTHER)),
                "k1"));
        assertThatThrownBy(() -> decrypt(wrong, CT)).isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("DRM-CRYPTO-004").hasMessageContaining("'k1'");
    }

    @Test
    void failedFileDecryption_writesNothing(@TempDir Path dir) throws Exception {
        byte[] bad = CT.clone();
        bad[bad.length - 1] ^= 1;
        Path enc = Files.write(dir.resolve("V1__x.csv.enc"), bad);
        assertThatThrownBy(() -> CIPHER.decrypt(enc, dir.resolve("x.csv"))).isInstanceOf(IntegrityException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(enc);
        }
    }

    @Test
    void keyringAsArtifactDecryptor_throwsCodedErrors_neverRawCryptoExceptions() {
        ArtifactDecryptor decryptor = Keyring.of(CryptoFixtures.KEYS, "k1");
        byte[] bad = CT.clone();
        bad[HEADER + 3] ^= 1;
        assertThatThrownBy(() -> decryptor.decryptingStream(new ByteArrayInputStream(bad)).readAllBytes())
                .isInstanceOf(IntegrityException.class);
        ArtifactDecryptor other = Keyring.of(CryptoFixtures.KEYS, "k2");
        assertThatThrownBy(() -> other.decryptingStream(new ByteArrayInputStream(CT)))
                .isInstanceOf(UnknownKeyIdException.class);
        assertThatThrownBy(() -> decryptor.decryptingStream(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(NotAnEncryptedArtifactException.class);
    }
}
