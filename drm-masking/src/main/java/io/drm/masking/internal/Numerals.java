package io.drm.masking.internal;

import java.math.BigInteger;

/**
 * NUM_radix and STR_radix of SP 800-38G with {@code BigInteger}: numerals, most significant first,
 * to a number and back. Short runs go through {@code long} chunks; long ones are split in halves so
 * that BigInteger's sub-quadratic multiplication and division do the work.
 */
final class Numerals {

    /** Runs of at most this many bits are converted chunk by chunk. */
    private static final int SPLIT_BITS = 8192;

    private Numerals() {
    }

    /** Returns NUM_radix(x[from .. from + length)). */
    static BigInteger toBigInteger(int[] x, int from, int length, int radix) {
        if ((long) length * bitsPerNumeral(radix) <= SPLIT_BITS) {
            return toBigIntegerByChunks(x, from, length, radix);
        }
        int low = length / 2;
        int high = length - low;
        return toBigInteger(x, from, high, radix)
                .multiply(BigInteger.valueOf(radix).pow(low))
                .add(toBigInteger(x, from + high, low, radix));
    }

    /** Writes STR_radix of {@code value}, which is below radix^length, to x[from .. from + length). */
    static void toNumerals(BigInteger value, int[] x, int from, int length, int radix) {
        if ((long) length * bitsPerNumeral(radix) <= SPLIT_BITS) {
            toNumeralsByChunks(value, x, from, length, radix);
            return;
        }
        int low = length / 2;
        BigInteger[] qr = value.divideAndRemainder(BigInteger.valueOf(radix).pow(low));
        toNumerals(qr[0], x, from, length - low, radix);
        toNumerals(qr[1], x, from + length - low, low, radix);
    }

    private static BigInteger toBigIntegerByChunks(int[] x, int from, int length, int radix) {
        int chunk = numeralsPerLong(radix);
        BigInteger result = BigInteger.ZERO;
        int end = from + length;
        for (int i = from; i < end; ) {
            int take = Math.min(chunk, end - i);
            long value = 0;
            long scale = 1;
            for (int j = 0; j < take; j++, i++) {
                value = value * radix + x[i];
                scale *= radix;
            }
            result = result.signum() == 0 ? BigInteger.valueOf(value)
                    : result.multiply(BigInteger.valueOf(scale)).add(BigInteger.valueOf(value));
        }
        return result;
    }

    private static void toNumeralsByChunks(BigInteger value, int[] x, int from, int length, int radix) {
        int chunk = numeralsPerLong(radix);
        BigInteger divisor = BigInteger.valueOf(radix).pow(chunk);
        int i = from + length;
        while (i - from > chunk) {
            BigInteger[] qr = value.divideAndRemainder(divisor);
            fill(qr[1].longValue(), x, i - chunk, chunk, radix);
            value = qr[0];
            i -= chunk;
        }
        fill(value.longValue(), x, from, i - from, radix);
    }

    private static void fill(long value, int[] x, int from, int length, int radix) {
        for (int i = from + length - 1; i >= from; i--) {
            x[i] = (int) (value % radix);
            value /= radix;
        }
    }

    /** The most numerals whose value always fits a positive {@code long}. */
    private static int numeralsPerLong(int radix) {
        int k = 0;
        long power = 1;
        while (power <= Long.MAX_VALUE / radix) {
            power *= radix;
            k++;
        }
        return k;
    }

    private static int bitsPerNumeral(int radix) {
        return 32 - Integer.numberOfLeadingZeros(radix - 1);
    }
}
