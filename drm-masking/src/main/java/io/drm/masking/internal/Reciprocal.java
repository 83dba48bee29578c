package io.drm.masking.internal;

/**
 * Division by a fixed divisor through its precomputed reciprocal: one multiply-high, one multiply
 * and one correction instead of a 64-bit divide, which costs tens of cycles on some CPUs (about 45
 * on AMD's first EPYC generation) and sits in FF1's round loop.
 *
 * <p>With {@code inverse = floor((2^64 - 1) / d)}, the estimate {@code floor(y * inverse / 2^64)}
 * is the exact quotient or one less, for every unsigned 64-bit {@code y}: the estimate is
 * {@code y / d - y (1 + s) / (d 2^64)} rounded down, where {@code s < d} is the remainder of
 * {@code 2^64 - 1}, and the subtracted term is below 1. One comparison corrects it.
 */
final class Reciprocal {

    private final long divisor;
    /** floor((2^64 - 1) / divisor): at most 2^63 - 1 since divisor >= 2, so a positive long. */
    private final long inverse;

    /**
     * @param divisor the divisor, at least 2
     * @throws IllegalArgumentException if it is below 2
     */
    Reciprocal(long divisor) {
        if (divisor < 2) {
            throw new IllegalArgumentException("divisor must be at least 2, is " + divisor);
        }
        this.divisor = divisor;
        this.inverse = Long.divideUnsigned(-1L, divisor);
    }

    /** @return the divisor */
    long divisor() {
        return divisor;
    }

    /**
     * @param dividend the dividend, read as unsigned
     * @return {@code Long.remainderUnsigned(dividend, divisor())}
     */
    long remainderUnsigned(long dividend) {
        // the unsigned high half of dividend * inverse: the signed one, plus inverse if the dividend's top bit is set
        long q = Math.multiplyHigh(dividend, inverse) + ((dividend >> 63) & inverse);
        long r = dividend - q * divisor;
        return Long.compareUnsigned(r, divisor) >= 0 ? r - divisor : r;
    }

    /**
     * @param dividend the dividend, not negative
     * @return {@code dividend / divisor()}
     */
    long quotient(long dividend) {
        long q = Math.multiplyHigh(dividend, inverse);
        return dividend - q * divisor >= divisor ? q + 1 : q;
    }
}
