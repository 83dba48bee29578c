package io.drm.audit;

import static io.drm.audit.TestKeys.OPENSSL_ENCRYPTED_PEM;
import static io.drm.audit.TestKeys.OPENSSL_PRIVATE_PEM;
import static io.drm.audit.TestKeys.OPENSSL_PUBLIC_HEX;
import static io.drm.audit.TestKeys.OPENSSL_PUBLIC_PEM;
import static io.drm.audit.TestKeys.OPENSSL_SEED_HEX;
import static io.drm.audit.TestKeys.body;
import static io.drm.audit.TestKeys.der;
import static io.drm.audit.TestKeys.hex;
import static io.drm.audit.TestKeys.jdkKeyPair;
import static io.drm.audit.TestKeys.pem;
import static io.drm.audit.TestKeys.refusedWithoutLeaking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad key input is refused with DRM-AUDIT-001, a message that says what is wrong and what to
 * supply, and no fragment of the input in the message or the stack trace.
 */
final class AuditKeyBadInputTest {

    private static final String OPENSSL_BODY = body(OPENSSL_PRIVATE_PEM);

    @TempDir
    Path dir;

    @Test
    void fromSeed_with_31_bytes_is_refused_without_the_seed() {
        byte[] seed = Arrays.copyOf(hex(OPENSSL_SEED_HEX), 31);

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromSeed(seed),
                hex(seed), Base64.getEncoder().encodeToString(seed));
        assertThat(e).hasMessageContaining("32 bytes").hasMessageContaining("got 31");
    }

    @Test
    void fromSeed_with_33_bytes_is_refused_without_the_seed() {
        byte[] seed = Arrays.copyOf(hex(OPENSSL_SEED_HEX), 33);

        refusedWithoutLeaking(() -> AuditSigningKey.fromSeed(seed),
                hex(seed), Base64.getEncoder().encodeToString(seed));
    }

    @Test
    void fromSeed_with_no_bytes_is_refused() {
        assertThat(refusedWithoutLeaking(() -> AuditSigningKey.fromSeed(new byte[0]))).hasMessageContaining("got 0");
    }

    @Test
    void an_rsa_pkcs8_key_is_refused_naming_its_algorithm_oid() throws Exception {
        String rsa = pem("PRIVATE KEY", jdkKeyPair("RSA").getPrivate().getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(rsa), body(rsa));
        assertThat(e).hasMessageContaining("not an Ed25519 PKCS#8 private key")
                .hasMessageContaining("found algorithm OID 1.2.840.113549.1.1.1")
                .hasMessageContaining("openssl genpkey -algorithm ed25519");
    }

    @Test
    void an_ec_pkcs8_key_is_refused_naming_its_algorithm_oid() throws Exception {
        String ec = pem("PRIVATE KEY", jdkKeyPair("EC").getPrivate().getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(ec), body(ec));
        assertThat(e).hasMessageContaining("found algorithm OID 1.2.840.10045.2.1");
    }

    @Test
    void an_x25519_pkcs8_key_is_refused_naming_its_algorithm_oid() throws Exception {
        String x25519 = pem("PRIVATE KEY", jdkKeyPair("X25519").getPrivate().getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(x25519), body(x25519));
        assertThat(e).hasMessageContaining("found algorithm OID 1.3.101.110");
    }

    @Test
    void an_encrypted_pkcs8_key_is_refused_with_how_to_decrypt_it() {
        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(OPENSSL_ENCRYPTED_PEM),
                body(OPENSSL_ENCRYPTED_PEM));
        assertThat(e).hasMessageContaining("encrypted").hasMessageContaining("openssl pkey");
    }

    @Test
    void a_pem_with_truncated_base64_is_refused() {
        String truncated = OPENSSL_PRIVATE_PEM.replace(OPENSSL_BODY, OPENSSL_BODY.substring(0, 40));

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(truncated), OPENSSL_BODY);
    }

    @Test
    void a_pem_with_base64_cut_mid_quantum_is_refused() {
        String cut = OPENSSL_PRIVATE_PEM.replace(OPENSSL_BODY, OPENSSL_BODY.substring(0, OPENSSL_BODY.length() - 3));

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(cut), OPENSSL_BODY);
    }

    @Test
    void a_pem_without_its_end_line_is_refused() {
        String cut = OPENSSL_PRIVATE_PEM.replace("-----END PRIVATE KEY-----", "");

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(cut), OPENSSL_BODY);
        assertThat(e).hasMessageContaining("-----END PRIVATE KEY-----");
    }

    @Test
    void a_pem_with_characters_outside_base64_is_refused() {
        String damaged = OPENSSL_PRIVATE_PEM.replace(OPENSSL_BODY, OPENSSL_BODY.substring(0, 20) + "*%"
                + OPENSSL_BODY.substring(22));

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(damaged), OPENSSL_BODY);
    }

    @Test
    void an_empty_string_is_refused() {
        assertThat(refusedWithoutLeaking(() -> AuditSigningKey.fromPem(""))).hasMessageContaining("empty");
    }

    @Test
    void a_blank_string_is_refused() {
        assertThat(refusedWithoutLeaking(() -> AuditSigningKey.fromPem(" \n\t"))).hasMessageContaining("empty");
    }

    @Test
    void text_that_is_not_pem_is_refused() {
        String garbage = "zq7TSt0hvZ8HW1bKc9JuxN3yFpLaQmRvYeUoGiXs";

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(garbage), garbage);
        assertThat(e).hasMessageContaining("not PEM");
    }

    @Test
    void the_bare_base64_body_without_pem_lines_is_refused() {
        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(OPENSSL_BODY), OPENSSL_BODY);
    }

    @Test
    void a_pem_with_an_empty_body_is_refused() {
        String empty = "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n";

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(empty));
    }

    @Test
    void base64_that_is_not_der_is_refused() {
        String notDer = Base64.getEncoder().encodeToString("definitely not a DER structure".getBytes());
        String text = "-----BEGIN PRIVATE KEY-----\n" + notDer + "\n-----END PRIVATE KEY-----\n";

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(text), notDer);
    }

    @Test
    void der_with_trailing_bytes_is_refused() {
        byte[] der = der(OPENSSL_PRIVATE_PEM);
        String padded = pem("PRIVATE KEY", Arrays.copyOf(der, der.length + 3));

        refusedWithoutLeaking(() -> AuditSigningKey.fromPem(padded), body(padded));
    }

    @Test
    void a_public_key_pem_given_as_private_key_is_refused() {
        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(OPENSSL_PUBLIC_PEM),
                body(OPENSSL_PUBLIC_PEM));
        assertThat(e).hasMessageContaining("public key").hasMessageContaining("private key");
    }

    @Test
    void a_traditional_rsa_pem_is_refused_naming_the_expected_type() {
        String traditional = "-----BEGIN RSA PRIVATE KEY-----\n" + OPENSSL_BODY + "\n-----END RSA PRIVATE KEY-----\n";

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(traditional), OPENSSL_BODY);
        assertThat(e).hasMessageContaining("-----BEGIN RSA PRIVATE KEY-----")
                .hasMessageContaining("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void an_ed25519_pkcs8_key_of_31_bytes_is_refused() throws Exception {
        byte[] shortSeed = Arrays.copyOf(hex(OPENSSL_SEED_HEX), 31);
        String text = pem("PRIVATE KEY", new PrivateKeyInfo(new AlgorithmIdentifier(KeyEncoding.ED25519),
                new DEROctetString(shortSeed)).getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(text), body(text), hex(shortSeed));
        assertThat(e).hasMessageContaining("31 bytes");
    }

    @Test
    void an_ed25519_pkcs8_key_of_33_bytes_is_refused() throws Exception {
        byte[] longSeed = Arrays.copyOf(hex(OPENSSL_SEED_HEX), 33);
        String text = pem("PRIVATE KEY", new PrivateKeyInfo(new AlgorithmIdentifier(KeyEncoding.ED25519),
                new DEROctetString(longSeed)).getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(text), body(text), hex(longSeed));
        assertThat(e).hasMessageContaining("33 bytes");
    }

    @Test
    void a_pkcs8_v2_key_carrying_a_foreign_public_key_is_refused() throws Exception {
        byte[] foreign = AuditSigningKey.fromSeed(new byte[32]).publicKey().raw();
        String text = pem("PRIVATE KEY", new PrivateKeyInfo(new AlgorithmIdentifier(KeyEncoding.ED25519),
                new DEROctetString(hex(OPENSSL_SEED_HEX)), null, foreign).getEncoded());

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPem(text), body(text), OPENSSL_SEED_HEX);
        assertThat(e).hasMessageContaining("does not belong");
    }

    @Test
    void a_missing_private_key_file_is_refused_naming_the_file() {
        Path missing = dir.resolve("no-such-key.pem");

        assertThat(refusedWithoutLeaking(() -> AuditSigningKey.fromPemFile(missing)))
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void a_binary_der_key_file_is_refused_with_how_to_convert_it() throws Exception {
        byte[] der = der(OPENSSL_PRIVATE_PEM);
        der[der.length - 1] = (byte) 0xff; // not UTF-8 as a whole
        Path file = Files.write(dir.resolve("key.der"), der);

        AuditKeyException e = refusedWithoutLeaking(() -> AuditSigningKey.fromPemFile(file),
                OPENSSL_BODY, hex(der), OPENSSL_SEED_HEX);
        assertThat(e).hasMessageContaining("not UTF-8").hasMessageContaining("-inform DER");
    }

    @Test
    void a_damaged_private_key_file_is_refused_naming_the_file() throws Exception {
        String text = OPENSSL_PRIVATE_PEM.replace(OPENSSL_BODY, OPENSSL_BODY.substring(0, 40));
        Path file = Files.writeString(dir.resolve("damaged.pem"), text);

        assertThat(refusedWithoutLeaking(() -> AuditSigningKey.fromPemFile(file), OPENSSL_BODY))
                .hasMessageContaining(file.toString());
    }

    @Test
    void a_private_key_pem_given_as_public_key_is_refused_without_its_content() {
        AuditKeyException e = refusedWithoutLeaking(() -> AuditPublicKey.fromPem(OPENSSL_PRIVATE_PEM),
                OPENSSL_BODY, OPENSSL_SEED_HEX);
        assertThat(e).hasMessageContaining("private key");
    }

    @Test
    void an_rsa_public_key_is_refused_naming_its_algorithm_oid() throws Exception {
        KeyPair rsa = jdkKeyPair("RSA");
        String text = pem("PUBLIC KEY", rsa.getPublic().getEncoded());

        assertThat(refusedWithoutLeaking(() -> AuditPublicKey.fromPem(text), body(text)))
                .hasMessageContaining("found algorithm OID 1.2.840.113549.1.1.1");
    }

    @Test
    void a_public_key_pem_with_truncated_base64_is_refused() {
        String body = body(OPENSSL_PUBLIC_PEM);
        String truncated = OPENSSL_PUBLIC_PEM.replace(body, body.substring(0, 40));

        refusedWithoutLeaking(() -> AuditPublicKey.fromPem(truncated), body);
    }

    @Test
    void an_empty_public_key_pem_is_refused() {
        refusedWithoutLeaking(() -> AuditPublicKey.fromPem(""));
    }

    @Test
    void a_missing_public_key_file_is_refused_naming_the_file() {
        Path missing = dir.resolve("no-such-key.pub.pem");

        assertThat(refusedWithoutLeaking(() -> AuditPublicKey.fromPemFile(missing)))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void a_raw_public_key_of_31_bytes_is_refused() {
        byte[] raw = Arrays.copyOf(hex(OPENSSL_PUBLIC_HEX), 31);

        assertThat(refusedWithoutLeaking(() -> AuditPublicKey.fromRaw(raw), hex(raw))).hasMessageContaining("got 31");
    }

    @Test
    void a_raw_public_key_that_is_not_a_curve_point_is_refused() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xff);

        refusedWithoutLeaking(() -> AuditPublicKey.fromRaw(raw));
    }

    @Test
    void null_inputs_are_refused_with_null_pointer_exceptions() {
        assertThatThrownBy(() -> AuditSigningKey.fromPem(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditSigningKey.fromSeed(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditSigningKey.fromPemFile(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditSigningKey.generate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditPublicKey.fromPem(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditPublicKey.fromRaw(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditPublicKey.fromPemFile(null)).isInstanceOf(NullPointerException.class);
    }
}
