package io.drm.audit;

import static io.drm.audit.TestKeys.OPENSSL_KEY_ID;
import static io.drm.audit.TestKeys.OPENSSL_PUBLIC_HEX;
import static io.drm.audit.TestKeys.OPENSSL_SEED_HEX;
import static io.drm.audit.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An audit public key verifies signatures, never throwing, and is a value. */
final class AuditPublicKeyTest {

    private static final AuditSigningKey SIGNER = AuditSigningKey.fromSeed(hex(OPENSSL_SEED_HEX));
    private static final AuditPublicKey KEY = SIGNER.publicKey();
    private static final byte[] MESSAGE = "checkpoint tree_size=3 root=00ff".getBytes(StandardCharsets.UTF_8);

    @Test
    void verify_goodSignature_true() {
        assertThat(KEY.verify(MESSAGE, SIGNER.sign(MESSAGE))).isTrue();
    }

    @Test
    void verify_emptyMessage_true() {
        assertThat(KEY.verify(new byte[0], SIGNER.sign(new byte[0]))).isTrue();
    }

    @Test
    void verify_messageWithAFlippedBit_false() {
        byte[] signature = SIGNER.sign(MESSAGE);
        for (int bit = 0; bit < MESSAGE.length * 8; bit++) {
            assertThat(KEY.verify(flip(MESSAGE, bit), signature)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verify_signatureWithAFlippedBit_false() {
        byte[] signature = SIGNER.sign(MESSAGE);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            assertThat(KEY.verify(MESSAGE, flip(signature, bit))).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verify_63ByteSignature_false() {
        assertThat(KEY.verify(MESSAGE, Arrays.copyOf(SIGNER.sign(MESSAGE), 63))).isFalse();
    }

    @Test
    void verify_65ByteSignature_false() {
        assertThat(KEY.verify(MESSAGE, Arrays.copyOf(SIGNER.sign(MESSAGE), 65))).isFalse();
    }

    @Test
    void verify_emptySignature_false() {
        assertThat(KEY.verify(MESSAGE, new byte[0])).isFalse();
    }

    @Test
    void verify_allZeroSignature_false() {
        assertThat(KEY.verify(MESSAGE, new byte[64])).isFalse();
    }

    @Test
    void verify_allOnesSignature_false() {
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) 0xff);

        assertThat(KEY.verify(MESSAGE, signature)).isFalse();
    }

    @Test
    void verify_nullSignature_false() {
        assertThat(KEY.verify(MESSAGE, null)).isFalse();
    }

    @Test
    void verify_nullMessage_false() {
        assertThat(KEY.verify(null, SIGNER.sign(MESSAGE))).isFalse();
    }

    @Test
    void verify_signatureOfAnotherKey_false() {
        byte[] signature = AuditSigningKey.fromSeed(new byte[32]).sign(MESSAGE);

        assertThat(KEY.verify(MESSAGE, signature)).isFalse();
    }

    @Test
    void keyId_isTheHexOfTheFirst8BytesOfSha256OverTheRawKey() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(hex(OPENSSL_PUBLIC_HEX));

        assertThat(KEY.keyId()).isEqualTo(hex(Arrays.copyOf(digest, 8))).isEqualTo(OPENSSL_KEY_ID);
    }

    @Test
    void keyId_is16LowerCaseHexCharacters() {
        assertThat(AuditSigningKey.generate(new SecureRandom()).keyId()).matches("[0-9a-f]{16}");
    }

    @Test
    void raw_returnsACopy() {
        byte[] raw = KEY.raw();
        raw[0] ^= 1;

        assertThat(hex(KEY.raw())).isEqualTo(OPENSSL_PUBLIC_HEX);
    }

    @Test
    void fromRaw_copiesItsInput() {
        byte[] raw = hex(OPENSSL_PUBLIC_HEX);
        AuditPublicKey key = AuditPublicKey.fromRaw(raw);
        raw[0] ^= 1;

        assertThat(hex(key.raw())).isEqualTo(OPENSSL_PUBLIC_HEX);
    }

    @Test
    void equals_sameRawBytes_equalWithEqualHashCodes() {
        AuditPublicKey other = AuditPublicKey.fromRaw(hex(OPENSSL_PUBLIC_HEX));

        assertThat(other).isEqualTo(KEY).hasSameHashCodeAs(KEY).isNotSameAs(KEY);
    }

    @Test
    void equals_differentKey_notEqual() {
        assertThat(AuditSigningKey.fromSeed(new byte[32]).publicKey()).isNotEqualTo(KEY);
    }

    @Test
    void toString_showsTheKeyId() {
        assertThat(KEY).hasToString("AuditPublicKey[keyId=" + OPENSSL_KEY_ID + "]");
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
