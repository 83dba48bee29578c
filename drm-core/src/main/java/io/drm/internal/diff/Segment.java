package io.drm.internal.diff;

/**
 * A half-open range of the first key column: {@code lo <= key < hi}; {@code null} is unbounded.
 * Bounds are {@link java.math.BigInteger} for integer keys and canonical text otherwise.
 *
 * @param lo the inclusive lower bound, or {@code null}
 * @param hi the exclusive upper bound, or {@code null}
 * @param depth how many splits led here
 */
record Segment(Object lo, Object hi, int depth) {
}
