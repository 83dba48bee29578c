package io.drm.masking.internal;

/** Exact unsigned remainders of 128-bit numbers by 64-bit divisors, without allocation. */
public final class UnsignedMath {

    private static final long BASE = 1L << 32;
    private static final long LOW32 = 0xFFFF_FFFFL;

    private UnsignedMath() {
    }

    /**
     * Returns {@code (high * 2^64 + low) mod divisor}, all three read as unsigned.
     *
     * <p>Knuth's algorithm D with two 32-bit quotient digits (as in Hacker's Delight, "divlu").
     *
     * @param high the upper 64 bits; unsigned, below {@code divisor}
     * @param low the lower 64 bits, unsigned
     * @param divisor the divisor, unsigned, not zero
     * @return the remainder, unsigned, below {@code divisor}
     * @throws IllegalArgumentException if {@code divisor} is zero or {@code high} is not below it
     */
    public static long remainder(long high, long low, long divisor) {
        if (divisor == 0 || Long.compareUnsigned(high, divisor) >= 0) {
            throw new IllegalArgumentException("need 0 <= high < divisor");
        }
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vn1 = v >>> 32;
        long vn0 = v & LOW32;
        long un32 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        long un10 = low << shift;
        long un1 = un10 >>> 32;
        long un0 = un10 & LOW32;

        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (Long.compareUnsigned(q1, BASE) >= 0
                || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
            q1--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, BASE) >= 0) {
                break;
            }
        }
        // The partial remainder is below v, so arithmetic modulo 2^64 gives it exactly.
        long un21 = (un32 << 32) + un1 - q1 * v;

        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (Long.compareUnsigned(q0, BASE) >= 0
                || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
            q0--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, BASE) >= 0) {
                break;
            }
        }
        return ((un21 << 32) + un0 - q0 * v) >>> shift;
    }
}
