package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted keys are an immutable set looked up by key id. */
final class TrustedKeysTest {

    private static final AuditPublicKey A = seeded(1);
    private static final AuditPublicKey B = seeded(2);
    private static final AuditPublicKey C = seeded(3);

    @Test
    void find_knownKeyId_returnsTheKey() {
        assertThat(TrustedKeys.of(A, B).find(B.keyId())).containsSame(B);
    }

    @Test
    void find_unknownKeyId_returnsEmpty() {
        assertThat(TrustedKeys.of(A, B).find(C.keyId())).isEmpty();
    }

    @Test
    void find_nullKeyId_throwsNullPointerException() {
        TrustedKeys keys = TrustedKeys.of(A);

        assertThatThrownBy(() -> keys.find(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keyIds_areThoseOfTheKeysInTheOrderGiven() {
        assertThat(TrustedKeys.of(C, A, B).keyIds()).containsExactly(C.keyId(), A.keyId(), B.keyId());
    }

    @Test
    void of_duplicates_keepsEachKeyOnce() {
        AuditPublicKey sameAsA = AuditPublicKey.fromRaw(A.raw());

        assertThat(TrustedKeys.of(A, B, A, sameAsA).keyIds()).containsExactly(A.keyId(), B.keyId());
    }

    @Test
    void of_nothing_trustsNothing() {
        assertThat(TrustedKeys.of().keyIds()).isEmpty();
        assertThat(TrustedKeys.of(List.of()).find(A.keyId())).isEmpty();
    }

    @Test
    void of_collection_findsItsKeys() {
        assertThat(TrustedKeys.of(List.of(A, B)).find(A.keyId())).containsSame(A);
    }

    @Test
    void of_collection_isCopied() {
        List<AuditPublicKey> source = new ArrayList<>(List.of(A));
        TrustedKeys keys = TrustedKeys.of(source);
        source.add(B);

        assertThat(keys.find(B.keyId())).isEmpty();
    }

    @Test
    void of_nullElement_throwsNullPointerException() {
        assertThatThrownBy(() -> TrustedKeys.of(A, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void of_collectionWithNullElement_throwsNullPointerException() {
        assertThatThrownBy(() -> TrustedKeys.of(Arrays.asList(A, null))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void of_nullArrayOrCollection_throwsNullPointerException() {
        assertThatThrownBy(() -> TrustedKeys.of((AuditPublicKey[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TrustedKeys.of((List<AuditPublicKey>) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keyIds_cannotBeModified() {
        TrustedKeys keys = TrustedKeys.of(A);

        assertThatThrownBy(() -> keys.keyIds().add(B.keyId())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> keys.keyIds().remove(A.keyId())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_listsTheKeyIds() {
        assertThat(TrustedKeys.of(A, B)).hasToString("TrustedKeys[keyIds=[" + A.keyId() + ", " + B.keyId() + "]]");
    }

    private static AuditPublicKey seeded(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return AuditSigningKey.fromSeed(seed).publicKey();
    }
}
