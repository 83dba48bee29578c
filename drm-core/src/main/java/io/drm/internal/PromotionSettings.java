package io.drm.internal;

import io.drm.Attestation;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * The frozen promotion and attestation settings of a release.
 *
 * @param environments the ordered environments, empty when promotion is not configured
 * @param requireFrom the environment whose attestation this release needs, or {@code null}
 * @param promotedFrom the attestation given, or {@code null}
 * @param trustedKeys the public keys an attestation must be signed by
 * @param signingKey the key this release signs its attestation with, or {@code null}
 */
public record PromotionSettings(List<String> environments, String requireFrom, Attestation promotedFrom,
        List<PublicKey> trustedKeys, PrivateKey signingKey) {

    /** No promotion, no signing. */
    public static final PromotionSettings NONE = new PromotionSettings(List.of(), null, null, List.of(), null);

    /** Validates and copies. */
    public PromotionSettings {
        environments = List.copyOf(environments);
        trustedKeys = List.copyOf(trustedKeys);
        Objects.requireNonNull(environments, "environments");
    }
}
