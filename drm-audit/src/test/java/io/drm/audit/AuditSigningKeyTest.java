package io.drm.audit;

import static io.drm.audit.TestKeys.OPENSSL_KEY_ID;
import static io.drm.audit.TestKeys.OPENSSL_PRIVATE_PEM;
import static io.drm.audit.TestKeys.OPENSSL_SEED_HEX;
import static io.drm.audit.TestKeys.body;
import static io.drm.audit.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** An audit signing key signs deterministically and keeps its key material to itself. */
final class AuditSigningKeyTest {

    private static final byte[] MESSAGE = "checkpoint tree_size=1 root=1234".getBytes(StandardCharsets.UTF_8);

    @Test
    void toString_showsTheKeyIdAndNoKeyMaterial() {
        AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);

        assertThat(key).hasToString("AuditSigningKey[keyId=" + OPENSSL_KEY_ID + "]");
        TestKeys.assertNoFragment(key.toString(), OPENSSL_SEED_HEX);
        TestKeys.assertNoFragment(key.toString(), OPENSSL_SEED_HEX.toUpperCase());
        TestKeys.assertNoFragment(key.toString(), Base64.getEncoder().encodeToString(hex(OPENSSL_SEED_HEX)));
        TestKeys.assertNoFragment(key.toString(), body(OPENSSL_PRIVATE_PEM));
    }

    @Test
    void keyId_isThatOfThePublicKey() {
        AuditSigningKey key = AuditSigningKey.generate(new SecureRandom());

        assertThat(key.keyId()).isEqualTo(key.publicKey().keyId());
    }

    @Test
    void sign_gives64Bytes() {
        assertThat(AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM).sign(MESSAGE)).hasSize(64);
    }

    @Test
    void sign_sameMessageTwice_sameSignature() {
        AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);

        assertThat(key.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
    }

    @Test
    void sign_nullMessage_throwsNullPointerException() {
        AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);

        assertThatThrownBy(() -> key.sign(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fromSeed_copiesTheSeed() {
        byte[] seed = hex(OPENSSL_SEED_HEX);
        AuditSigningKey key = AuditSigningKey.fromSeed(seed);
        seed[0] ^= 1;

        assertThat(key.keyId()).isEqualTo(OPENSSL_KEY_ID);
        assertThat(key.sign(MESSAGE)).isEqualTo(AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM).sign(MESSAGE));
    }

    @Test
    void fromSeed_leavesTheCallersArrayAlone() {
        byte[] seed = hex(OPENSSL_SEED_HEX);
        AuditSigningKey.fromSeed(seed);

        assertThat(hex(seed)).isEqualTo(OPENSSL_SEED_HEX);
    }

    @Test
    void generate_makesAKeyWhoseSignaturesVerify() {
        AuditSigningKey key = AuditSigningKey.generate(new SecureRandom());

        assertThat(key.publicKey().verify(MESSAGE, key.sign(MESSAGE))).isTrue();
    }

    @Test
    void generate_twice_makesDifferentKeys() {
        SecureRandom random = new SecureRandom();

        assertThat(AuditSigningKey.generate(random).keyId()).isNotEqualTo(AuditSigningKey.generate(random).keyId());
    }
}
