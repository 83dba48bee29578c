package io.drm.masking.internal;

/**
 * A keyed, tweaked permutation of {@code [0, 10^k)} for the domains FF1 refuses (k = 1 to 5): the
 * FE1 construction of Bellare, Ristenpart, Rogaway and Stegers ("Format-Preserving Encryption",
 * 2009) over {@code 10^k = a * b} with {@code a} and {@code b} as close as possible, ten rounds,
 * and AES-CMAC ({@link KeyedPrf}) of (round, right half, tweak) as the round function. Thread-safe.
 *
 * <p>A domain this small gives no cryptographic strength against someone holding many pairs; it
 * is used where the number of free digits is itself that small (the middle of a card number whose
 * BIN and last four digits are kept), and it keeps the map a bijection.
 */
public final class DigitFeistel {

    /** Largest k accepted; from 6 digits on, FF1 is used. */
    public static final int MAX_DIGITS = 5;

    private static final int ROUNDS = 10;

    private final KeyedPrf prf;

    /** @param subkey the AES-256 key of the round function */
    public DigitFeistel(byte[] subkey) {
        this.prf = new KeyedPrf(subkey, subkey); // only tags: the stream is never used
    }

    /**
     * Permutes a number of {@code k} digits.
     *
     * @param x the number, in {@code [0, 10^k)}
     * @param k the number of digits, 1 to {@value #MAX_DIGITS}
     * @param tweak public context that selects the permutation
     * @return the permuted number, in {@code [0, 10^k)}
     */
    public int permute(int x, int k, byte[] tweak) {
        int n = pow10(k);
        int a = smallFactor(n);
        int b = n / a;
        byte[] input = new byte[5 + tweak.length];
        System.arraycopy(tweak, 0, input, 5, tweak.length);
        for (int round = 0; round < ROUNDS; round++) {
            int left = x / b;
            int right = x % b;
            int f = roundValue(input, round, right, a);
            int w = (left + f) % a;
            x = a * right + w;
        }
        return x;
    }

    /**
     * The inverse of {@link #permute}, for tests.
     *
     * @param y a permuted number
     * @param k the number of digits
     * @param tweak the tweak
     * @return the number that permutes to {@code y}
     */
    public int invert(int y, int k, byte[] tweak) {
        int n = pow10(k);
        int a = smallFactor(n);
        int b = n / a;
        byte[] input = new byte[5 + tweak.length];
        System.arraycopy(tweak, 0, input, 5, tweak.length);
        for (int round = ROUNDS - 1; round >= 0; round--) {
            int w = y % a;
            int right = y / a;
            int f = roundValue(input, round, right, a);
            int left = Math.floorMod(w - f, a);
            y = left * b + right;
        }
        return y;
    }

    /**
     * The round function: the keyed PRF of the round number, the right half and the tweak (already
     * in {@code input[5..]}), below {@code a}.
     */
    private int roundValue(byte[] input, int round, int right, int a) {
        input[0] = (byte) round;
        input[1] = (byte) (right >>> 24);
        input[2] = (byte) (right >>> 16);
        input[3] = (byte) (right >>> 8);
        input[4] = (byte) right;
        return KeyedHash.below(KeyedHash.long64(prf.prf(input, 0, input.length), 0), a);
    }

    static int pow10(int k) {
        if (k < 1 || k > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be 1 to " + MAX_DIGITS + ", is " + k);
        }
        int n = 1;
        for (int i = 0; i < k; i++) {
            n *= 10;
        }
        return n;
    }

    /** The largest divisor of n of the form 2^i 5^j that is at most sqrt(n), and at least 2. */
    static int smallFactor(int n) {
        int best = 2;
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                best = d;
            }
        }
        return best;
    }
}
