package io.drm.audit;

import static io.drm.audit.TestKeys.OPENSSL_KEY_ID;
import static io.drm.audit.TestKeys.OPENSSL_MESSAGE;
import static io.drm.audit.TestKeys.OPENSSL_PRIVATE_PEM;
import static io.drm.audit.TestKeys.OPENSSL_PUBLIC_HEX;
import static io.drm.audit.TestKeys.OPENSSL_PUBLIC_PEM;
import static io.drm.audit.TestKeys.OPENSSL_SEED_HEX;
import static io.drm.audit.TestKeys.OPENSSL_SIGNATURE_HEX;
import static io.drm.audit.TestKeys.hex;
import static io.drm.audit.TestKeys.jdkKeyPair;
import static io.drm.audit.TestKeys.pem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys travel as PKCS#8 and SubjectPublicKeyInfo PEM between drm, the JDK and OpenSSL. */
final class AuditKeyPemTest {

    private static final byte[] MESSAGE = "checkpoint tree_size=7 root=ab12".getBytes(StandardCharsets.UTF_8);

    private static KeyPair jdk;
    private static String jdkPrivatePem;
    private static String jdkPublicPem;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeJdkKeyPair() throws Exception {
        jdk = jdkKeyPair("Ed25519");
        jdkPrivatePem = pem("PRIVATE KEY", jdk.getPrivate().getEncoded());
        jdkPublicPem = pem("PUBLIC KEY", jdk.getPublic().getEncoded());
    }

    @Test
    void a_signature_by_a_jdk_pkcs8_key_verifies_with_its_jdk_spki_public_key() {
        byte[] signature = AuditSigningKey.fromPem(jdkPrivatePem).sign(MESSAGE);

        assertThat(AuditPublicKey.fromPem(jdkPublicPem).verify(MESSAGE, signature)).isTrue();
    }

    @Test
    void a_signature_by_a_jdk_pkcs8_key_verifies_with_the_jdk() throws Exception {
        byte[] signature = AuditSigningKey.fromPem(jdkPrivatePem).sign(MESSAGE);

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdk.getPublic());
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void a_jdk_signature_verifies_with_the_spki_public_key() throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdk.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();

        assertThat(AuditPublicKey.fromPem(jdkPublicPem).verify(MESSAGE, signature)).isTrue();
    }

    @Test
    void the_public_key_of_a_pkcs8_key_equals_the_spki_public_key() {
        assertThat(AuditSigningKey.fromPem(jdkPrivatePem).publicKey()).isEqualTo(AuditPublicKey.fromPem(jdkPublicPem));
    }

    @Test
    void toPem_writes_what_the_jdk_encodes() {
        assertThat(AuditPublicKey.fromPem(jdkPublicPem).toPem()).isEqualTo(jdkPublicPem);
    }

    @Test
    void toPem_is_read_by_the_jdk_as_the_same_key() throws Exception {
        String written = AuditSigningKey.fromPem(jdkPrivatePem).publicKey().toPem();

        PublicKey read = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(TestKeys.der(written)));
        assertThat(read.getEncoded()).isEqualTo(jdk.getPublic().getEncoded());
    }

    @Test
    void toPem_reads_back_to_an_equal_key() {
        AuditPublicKey key = AuditSigningKey.fromPem(jdkPrivatePem).publicKey();

        assertThat(AuditPublicKey.fromPem(key.toPem())).isEqualTo(key);
    }

    @Test
    void the_openssl_key_has_a_stable_key_id() {
        AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);

        assertThat(key.keyId()).isEqualTo(OPENSSL_KEY_ID);
        assertThat(AuditPublicKey.fromPem(OPENSSL_PUBLIC_PEM).keyId()).isEqualTo(OPENSSL_KEY_ID);
    }

    @Test
    void the_openssl_key_has_the_public_key_openssl_shows() {
        assertThat(hex(AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM).publicKey().raw())).isEqualTo(OPENSSL_PUBLIC_HEX);
    }

    @Test
    void the_openssl_key_gives_the_public_pem_openssl_writes() {
        assertThat(AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM).publicKey().toPem()).isEqualTo(OPENSSL_PUBLIC_PEM);
    }

    @Test
    void the_openssl_key_signs_exactly_as_openssl_does() {
        byte[] signature = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM)
                .sign(OPENSSL_MESSAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(hex(signature)).isEqualTo(OPENSSL_SIGNATURE_HEX);
    }

    @Test
    void the_openssl_pem_and_its_seed_make_the_same_key() {
        AuditSigningKey fromPem = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);
        AuditSigningKey fromSeed = AuditSigningKey.fromSeed(hex(OPENSSL_SEED_HEX));

        assertThat(fromSeed.publicKey()).isEqualTo(fromPem.publicKey());
    }

    @Test
    void text_around_the_block_and_crlf_line_breaks_are_accepted() {
        String decorated = "Audit checkpoint key for staging\r\n" + OPENSSL_PRIVATE_PEM.replace("\n", "\r\n")
                + "\r\n(rotated yearly)\r\n";

        assertThat(AuditSigningKey.fromPem(decorated).keyId()).isEqualTo(OPENSSL_KEY_ID);
    }

    @Test
    void a_pkcs8_v2_key_carrying_its_own_public_key_is_accepted() throws Exception {
        byte[] der = new PrivateKeyInfo(new AlgorithmIdentifier(KeyEncoding.ED25519),
                new DEROctetString(hex(OPENSSL_SEED_HEX)), null, hex(OPENSSL_PUBLIC_HEX)).getEncoded();

        assertThat(AuditSigningKey.fromPem(pem("PRIVATE KEY", der)).keyId()).isEqualTo(OPENSSL_KEY_ID);
    }

    @Test
    void fromPemFile_reads_a_private_key_file() throws Exception {
        Path file = Files.writeString(dir.resolve("audit-signing.pem"), OPENSSL_PRIVATE_PEM);

        assertThat(AuditSigningKey.fromPemFile(file).keyId()).isEqualTo(OPENSSL_KEY_ID);
    }

    @Test
    void fromPemFile_reads_a_public_key_file() throws Exception {
        Path file = Files.writeString(dir.resolve("audit-signing.pub.pem"), OPENSSL_PUBLIC_PEM);

        assertThat(AuditPublicKey.fromPemFile(file).keyId()).isEqualTo(OPENSSL_KEY_ID);
    }
}
