package io.drm.spi;

/**
 * Masks one column value: a pure function from a value to its masked value.
 *
 * <p>Contract: implementations are thread-safe and side-effect free; the same input (under the
 * same key, for keyed maskers) always gives the same output, so masked keys still join across
 * tables. {@code null} masks to {@code null}. A masker never logs or puts the unmasked value in an
 * exception message. The catalogue of maskers is in drm-masking.
 *
 * <pre>{@code
 * Masker redact = value -> value == null ? null : "***";
 * }</pre>
 */
@FunctionalInterface
public interface Masker {

    /**
     * Returns the masked form of a value.
     *
     * @param value the value read from the column (a {@code String}, {@code Number},
     *     {@code java.time} value, ...), or {@code null}
     * @return the masked value, of a type the column accepts; {@code null} for {@code null}
     * @throws IllegalArgumentException if the value has a type or form this masker cannot mask
     */
    Object mask(Object value);
}
