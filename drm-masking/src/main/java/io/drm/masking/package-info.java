/**
 * Masking: the catalogue of {@link io.drm.spi.Masker}s, where their keys come from, masking rules,
 * PII classification, masking jobs and the promotion guard.
 *
 * <ul>
 *   <li>{@link io.drm.masking.Maskers} makes every masker of the catalogue, each a thread-safe
 *   {@link io.drm.masking.TypedMasker} named as in a rules file: {@code redact}, {@code nullify},
 *   {@code partial}, {@code token}, {@code fpe}, {@code email}, {@code phone}, {@code card}, the
 *   fakes ({@code first_name}, {@code last_name}, {@code full_name}, {@code street_address},
 *   {@code city}), {@code noise}, {@code date_shift}, {@code age_band}, {@code postcode_prefix}
 *   and the {@link io.drm.masking.WindowMasker} {@code shuffle}. Keyed maskers derive their own
 *   subkey from a key with HKDF-SHA256 and are deterministic, so masked keys still join across
 *   tables; {@link io.drm.masking.Ff1} is the format-preserving cipher under {@code fpe},
 *   {@code phone} and {@code card}. {@link io.drm.masking.KeyProvider} supplies keys by id from
 *   memory, the environment, a PKCS#12 keystore or a master key ({@code docs/masking-maskers.md}).</li>
 *   <li>{@link io.drm.masking.MaskingRules}: {@code table.column -> masker}, in Java or a JSON/YAML
 *   file, validated whole and against the schema before anything runs;
 *   {@link io.drm.masking.PiiClassifier} proposes a classification and rules to review;
 *   {@link io.drm.masking.PromotionGuard} refuses a copy to a lower environment that leaves a
 *   classified column unmasked ({@code docs/masking-rules.md}).</li>
 *   <li>{@link io.drm.masking.MaskingJob} masks in place in resumable batches;
 *   {@link io.drm.masking.MaskedCopy} streams masked copies between databases in foreign-key order
 *   ({@code docs/masking-jobs.md}).</li>
 * </ul>
 */
package io.drm.masking;
