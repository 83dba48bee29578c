/**
 * Masking: the catalogue of {@link io.drm.spi.Masker}s, where their keys come from, masking rules
 * and envelope encryption.
 *
 * <p>{@link io.drm.masking.Maskers} makes every masker of the catalogue, each a thread-safe
 * {@link io.drm.masking.TypedMasker} named as in a rules file: {@code redact}, {@code nullify},
 * {@code partial}, {@code token}, {@code fpe}, {@code email}, {@code phone}, {@code card}, the
 * fakes ({@code first_name}, {@code last_name}, {@code full_name}, {@code street_address},
 * {@code city}), {@code noise}, {@code date_shift}, {@code age_band}, {@code postcode_prefix} and
 * the {@link io.drm.masking.WindowMasker} {@code shuffle}. Keyed maskers derive their own subkey
 * from a key with HKDF-SHA256 and are deterministic, so masked keys still join across tables;
 * {@link io.drm.masking.Ff1} is the format-preserving cipher under {@code fpe}, {@code phone} and
 * {@code card}. {@link io.drm.masking.KeyProvider} supplies keys by id from memory, the
 * environment, a PKCS#12 keystore or a master key. Formats and decisions:
 * {@code docs/masking-maskers.md}.
 */
package io.drm.masking;
