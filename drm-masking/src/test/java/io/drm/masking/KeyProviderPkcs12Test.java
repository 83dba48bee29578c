package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KeyProvider.pkcs12: secret-key entries of a keystore this test writes. */
final class KeyProviderPkcs12Test {

    private static final char[] PASSWORD = "store-pass-7731".toCharArray();
    private static final byte[] AES128 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] AES256 = MaskerFixtures.KEY;

    @TempDir
    Path dir;

    @Test
    void reads_aes_secret_keys_by_alias() throws Exception {
        Path file = keystore("masking.p12");
        KeyProvider keys = KeyProvider.pkcs12(file, PASSWORD.clone());
        assertThat(keys.key("pii")).isEqualTo(AES256);
        assertThat(keys.key("legacy")).isEqualTo(AES128);
        assertThat(keys.key("PII")).as("aliases match without regard to case").isEqualTo(AES256);
        byte[] copy = keys.key("pii");
        copy[0] ^= 1;
        assertThat(keys.key("pii")).isEqualTo(AES256);
    }

    @Test
    void the_keystore_is_read_once_and_the_password_array_may_be_cleared() throws Exception {
        Path file = keystore("once.p12");
        char[] password = PASSWORD.clone();
        KeyProvider keys = KeyProvider.pkcs12(file, password);
        Arrays.fill(password, '\0');
        Files.delete(file);
        assertThat(keys.key("pii")).isEqualTo(AES256);
    }

    @Test
    void a_missing_alias_names_the_id_and_how_to_add_it() throws Exception {
        KeyProvider keys = KeyProvider.pkcs12(keystore("m.p12"), PASSWORD);
        assertThatThrownBy(() -> keys.key("pci"))
                .isInstanceOf(MaskingKeyException.class)
                .satisfies(e -> assertThat(((MaskingKeyException) e).code()).isEqualTo(MaskingKeyException.CODE))
                .hasMessageContaining("'pci'")
                .hasMessageContaining("m.p12")
                .hasMessageContaining("keytool -genseckey -alias pci")
                .hasMessageNotContainingAny(MaskerFixtures.renderings(AES256));
    }

    @Test
    void a_wrong_password_names_the_file_but_not_the_password() throws Exception {
        Path file = keystore("w.p12");
        assertThatThrownBy(() -> KeyProvider.pkcs12(file, "not-the-password".toCharArray()))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageStartingWith("DRM-MASK-002: ")
                .hasMessageContaining("w.p12")
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining(new String(PASSWORD));
    }

    @Test
    void a_missing_file_is_refused_when_the_provider_is_created() {
        Path file = dir.resolve("absent.p12");
        assertThatThrownBy(() -> KeyProvider.pkcs12(file, PASSWORD))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("absent.p12")
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_file_that_is_not_a_keystore_is_refused() throws Exception {
        Path file = dir.resolve("garbage.p12");
        Files.write(file, "this is not a PKCS#12 file at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> KeyProvider.pkcs12(file, PASSWORD))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("garbage.p12")
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> KeyProvider.pkcs12(dir, PASSWORD))
                .as("a directory")
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void an_entry_of_the_wrong_size_fails_when_asked_for() throws Exception {
        Path file = dir.resolve("sizes.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry("short", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[8], "DES")),
                new KeyStore.PasswordProtection(PASSWORD));
        store.setEntry("long", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[80], "HmacSHA512")),
                new KeyStore.PasswordProtection(PASSWORD));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        KeyProvider keys = KeyProvider.pkcs12(file, PASSWORD);
        assertThatThrownBy(() -> keys.key("short")).isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("'short'").hasMessageContaining("has 8 bytes");
        assertThatThrownBy(() -> keys.key("long")).isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("has 80 bytes");
    }

    @Test
    void an_entry_that_is_not_a_secret_key_fails_when_asked_for() throws Exception {
        Path file = dir.resolve("pair.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "pii", "-keyalg", "EC",
                "-dname", "CN=test", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        process.waitFor();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();

        KeyProvider keys = KeyProvider.pkcs12(file, PASSWORD);
        assertThatThrownBy(() -> keys.key("pii"))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("'pii'")
                .hasMessageContaining("not a secret-key entry");
    }

    @Test
    void to_string_shows_the_file_and_count_only() throws Exception {
        KeyProvider keys = KeyProvider.pkcs12(keystore("t.p12"), PASSWORD);
        assertThat(keys.toString()).contains("t.p12").contains("2 secret keys")
                .doesNotContain(MaskerFixtures.renderings(AES256)).doesNotContain(new String(PASSWORD));
    }

    @Test
    void null_arguments_are_programming_errors() throws Exception {
        Path file = keystore("n.p12");
        assertThatThrownBy(() -> KeyProvider.pkcs12(null, PASSWORD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeyProvider.pkcs12(file, null)).isInstanceOf(NullPointerException.class);
    }

    private Path keystore(String name) throws Exception {
        Path file = dir.resolve(name);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(PASSWORD);
        store.setEntry("pii", new KeyStore.SecretKeyEntry(new SecretKeySpec(AES256, "AES")), protection);
        store.setEntry("legacy", new KeyStore.SecretKeyEntry(new SecretKeySpec(AES128, "AES")), protection);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
