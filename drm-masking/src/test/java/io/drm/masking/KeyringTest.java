package io.drm.masking;

import static io.drm.masking.CryptoFixtures.bytes;
import static io.drm.masking.CryptoFixtures.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeyringTest {

    @Test
    void rotation_encryptUnderK1_rewrapToK2_dropK1_stillDecrypts(@TempDir Path dir) throws Exception {
        ArtifactCipher underK1 = CryptoFixtures.cipher("k1").withSegmentSize(64);
        byte[] plain = bytes(1000, 3);
        Path file = dir.resolve("V2__patients.csv.enc");
        Files.write(file, encrypt(underK1, plain));
        byte[] before = Files.readAllBytes(file);

        Keyring rotated = Keyring.of(CryptoFixtures.KEYS, "k1", "k2").withPrimary("k2");
        assertThat(ArtifactCipher.of(rotated).rewrap(file)).isTrue();
        byte[] after = Files.readAllBytes(file);
        int oldHeader = ArtifactCipherRoundTripTest.headerLength(before);
        int newHeader = ArtifactCipherRoundTripTest.headerLength(after);
        assertThat(Arrays.copyOfRange(after, newHeader, after.length))
                .as("segments unchanged").isEqualTo(Arrays.copyOfRange(before, oldHeader, before.length));
        assertThat(Arrays.copyOf(after, 16)).as("immutable header part unchanged").isEqualTo(Arrays.copyOf(before, 16));
        assertThat(new String(after, 17, after[16])).isEqualTo("k2");

        Keyring onlyK2 = rotated.without("k1");
        assertThat(onlyK2.keyIds()).containsExactly("k2");
        assertThat(ArtifactCipher.of(onlyK2).decryptingStream(Files.newInputStream(file)).readAllBytes())
                .isEqualTo(plain);
        assertThat(ArtifactCipher.of(onlyK2).rewrap(file)).as("already under the primary").isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(after);
        assertThatThrownBy(() -> CryptoFixtures.cipher("k1").decryptingStream(new ByteArrayInputStream(after)))
                .isInstanceOf(UnknownKeyIdException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rewrap_withoutTheOldKey_isRefused_andLeavesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.enc"), encrypt(CryptoFixtures.cipher("k1"), bytes(10, 1)));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> CryptoFixtures.cipher("k2").rewrap(file)).isInstanceOf(UnknownKeyIdException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void allListedKeysDecrypt_primaryEncrypts() throws Exception {
        byte[] ct = encrypt(CryptoFixtures.cipher("k1"), bytes(10, 1));
        ArtifactCipher both = CryptoFixtures.cipher("k2", "k1");
        assertThat(CryptoFixtures.decrypt(both, ct)).isEqualTo(bytes(10, 1));
        byte[] underK2 = encrypt(both, bytes(10, 1));
        assertThat(new String(underK2, 17, underK2[16])).isEqualTo("k2");
    }

    @Test
    void missingKey_failsWhenTheKeyringIsBuilt() {
        assertThatThrownBy(() -> Keyring.of(CryptoFixtures.KEYS, "k1", "k9"))
                .isInstanceOf(MaskingKeyException.class).hasMessageContaining("k9");
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> Keyring.of(null, "k1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Keyring.of(CryptoFixtures.KEYS, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyring.of(CryptoFixtures.KEYS, "k1", "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        Keyring k = Keyring.of(CryptoFixtures.KEYS, "k1", "k2");
        assertThatThrownBy(() -> k.without("k1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> k.withPrimary("k3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAppearInNoToStringOrMessage() throws Exception {
        Keyring keyring = Keyring.of(CryptoFixtures.KEYS, "k1", "k2");
        ArtifactCipher cipher = ArtifactCipher.of(keyring);
        byte[] ct = encrypt(cipher, bytes(100, 1));
        byte[] tampered = ct.clone();
        tampered[tampered.length - 1] ^= 1;
        ArtifactCipher wrong = ArtifactCipher.of(Keyring.of(KeyProvider.of(Map.of("k1", CryptoFixtures.K1_OTHER)),
                "k1"));
        List<String> texts = new java.util.ArrayList<>(List.of(keyring.toString(), cipher.toString()));
        for (Exception e : List.of(
                catching(() -> CryptoFixtures.decrypt(cipher, tampered)),
                catching(() -> CryptoFixtures.decrypt(wrong, ct)),
                catching(() -> CryptoFixtures.decrypt(CryptoFixtures.cipher("k2"), ct)))) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
        for (byte[] key : List.of(CryptoFixtures.K1, CryptoFixtures.K2, CryptoFixtures.K1_OTHER)) {
            for (String text : texts) {
                assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(key))
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(key))
                        .doesNotContain(Arrays.toString(key));
            }
        }
        assertThat(keyring.toString()).isEqualTo("Keyring[primary=k1, keyIds=[k1, k2]]");
    }

    @Test
    void keysFromHkdfAndEnvironmentProviders_work() throws Exception {
        KeyProvider derived = KeyProvider.derived(bytes(32, 9));
        byte[] ct = encrypt(ArtifactCipher.of(Keyring.of(derived, "artifacts")), bytes(5, 5));
        assertThat(CryptoFixtures.decrypt(ArtifactCipher.of(Keyring.of(KeyProvider.derived(bytes(32, 9)),
                "artifacts")), ct)).isEqualTo(bytes(5, 5));
        KeyProvider env = KeyProvider.environment(Map.of("DRM_MASKING_KEY_ART_1",
                Base64.getEncoder().encodeToString(bytes(32, 4))));
        byte[] ct2 = encrypt(ArtifactCipher.of(Keyring.of(env, "art-1")), bytes(5, 5));
        assertThat(CryptoFixtures.decrypt(ArtifactCipher.of(Keyring.of(env, "art-1")), ct2)).isEqualTo(bytes(5, 5));
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Exception catching(Body body) {
        try {
            body.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
