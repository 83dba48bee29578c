package io.drm.masking.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * FF1 of NIST SP 800-38G (Rev. 1) over AES, on strings of an {@link Alphabet} ({@link #apply}) or,
 * in place, on their numerals ({@code encryptNumerals}, for this package). Thread-safe: each thread
 * has its own AES cipher and scratch ({@link Ff1State}), and lends the callers of the numeral form
 * buffers of their own ({@code scratch()}), so that they mask a value without allocating more than
 * its result.
 *
 * <p>Two paths compute the same function. When {@code radix^ceil(n/2) <= 2^62} the halves A and B
 * stay in {@code long}s through the ten rounds: each round is one AES block over the last block of
 * Q (the blocks of P and of the tweak before it are chained once per call, or reused from the
 * previous call with the same length and tweak) and one exact unsigned reduction of y, which is
 * then 8 or 12 bytes. Otherwise {@link Ff1General} works with {@code BigInteger}.
 */
public final class Ff1Cipher {

    /** Most tweak bytes accepted. */
    public static final int MAX_TWEAK_LENGTH = 4096;

    /** SP 800-38G Rev. 1: radix^minlen must be at least one million. */
    private static final long MIN_DOMAIN = 1_000_000L;

    /** Largest radix^v handled with {@code long}s: a + y mod m stays below 2^63. */
    private static final long MAX_FAST_MODULUS = 1L << 62;

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Alphabet alphabet;
    private final int radix;
    private final int minLength;
    /**
     * radix^k as reciprocals for k = 1 .. the largest k with radix^k <= 2^62 (index 0 unused): the
     * moduli of the fast rounds, which serve values whose halves are at most that long.
     */
    private final Reciprocal[] moduli;
    /** The reciprocal of the radix, for numerals out of a value. */
    private final Reciprocal radixReciprocal;
    private final ThreadLocal<Ff1State> state;

    /**
     * Creates the cipher.
     *
     * @param key the AES key, 16, 24 or 32 bytes; copied
     * @param alphabet the characters of plaintexts and ciphertexts
     * @throws IllegalArgumentException if the key has another length
     */
    public Ff1Cipher(byte[] key, Alphabet alphabet) {
        this(key, Objects.requireNonNull(alphabet, "alphabet"), alphabet.radix());
    }

    /**
     * Creates a cipher of numerals only, for callers that map characters to numerals themselves
     * ({@link #encryptNumerals}); {@link #apply} is refused.
     *
     * @param key the AES key, 16, 24 or 32 bytes; copied
     * @param radix the radix, 2 to 65536
     * @throws IllegalArgumentException if the key has another length or the radix is out of range
     */
    public Ff1Cipher(byte[] key, int radix) {
        this(key, null, radix);
    }

    private Ff1Cipher(byte[] key, Alphabet alphabet, int radix) {
        Objects.requireNonNull(key, "key");
        this.alphabet = alphabet;
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, is " + key.length);
        }
        if (radix < Alphabet.MIN_RADIX || radix > Alphabet.MAX_RADIX) {
            throw new IllegalArgumentException("radix must be " + Alphabet.MIN_RADIX + " to " + Alphabet.MAX_RADIX
                    + ", is " + radix);
        }
        this.radix = radix;
        int min = 2;
        long domain = (long) radix * radix;
        while (domain < MIN_DOMAIN) {
            domain *= radix;
            min++;
        }
        this.minLength = min;
        long[] p = new long[64];
        p[0] = 1;
        int k = 0;
        while (p[k] <= MAX_FAST_MODULUS / radix) {
            p[k + 1] = p[k] * radix;
            k++;
        }
        this.moduli = new Reciprocal[k + 1];
        for (int i = 1; i <= k; i++) {
            moduli[i] = new Reciprocal(p[i]);
        }
        this.radixReciprocal = new Reciprocal(radix);
        SecretKey aesKey = new SecretKeySpec(key, "AES");
        this.state = ThreadLocal.withInitial(() -> new Ff1State(aesKey));
        state.get(); // fail here, not on first use, if AES is unusable
    }

    /**
     * Returns the radix, the size of the alphabet.
     *
     * @return the radix
     */
    public int radix() {
        return radix;
    }

    /**
     * Returns the fewest characters an input may have: at least 2, with radix^length at least
     * 1,000,000.
     *
     * @return the minimum length
     */
    public int minLength() {
        return minLength;
    }

    /**
     * Encrypts or decrypts a string.
     *
     * @param text the input, of characters of the alphabet
     * @param tweak the tweak, not null, at most {@link #MAX_TWEAK_LENGTH} bytes
     * @param encrypt true to encrypt, false to decrypt
     * @param fastPathAllowed false to use the {@code BigInteger} path whatever the length
     * @return the output, as long as the input and of the same alphabet
     * @throws IllegalArgumentException if the input is too short, has a character outside the
     *     alphabet, or the tweak is too long; messages never contain the input
     * @throws IllegalStateException if the cipher was made for numerals only
     */
    public String apply(String text, byte[] tweak, boolean encrypt, boolean fastPathAllowed) {
        if (alphabet == null) {
            throw new IllegalStateException("a cipher of numerals only has no alphabet to apply");
        }
        checkTweak(tweak);
        int n = text.length();
        checkLength(n);
        Ff1State st = state.get();
        int[] x = st.own.numerals(n);
        alphabet.toNumerals(text, x);
        rounds(st, x, 0, n, tweak, encrypt, fastPathAllowed);
        return alphabet.toText(x, n, st.own.chars(n));
    }

    /**
     * Encrypts the numerals {@code x[from .. from + length)} in place: the numeral form of
     * {@link #apply}, for callers that map characters to numerals themselves. {@code x} may be an
     * array of {@link #scratch()}.
     *
     * @param x the numerals, each below the radix
     * @param from the index of the first numeral
     * @param length how many numerals
     * @param tweak the tweak, not null, at most {@link #MAX_TWEAK_LENGTH} bytes
     * @throws IndexOutOfBoundsException if the range is not within {@code x}
     * @throws IllegalArgumentException if {@code length} is below {@link #minLength()}, a numeral
     *     is not below the radix, or the tweak is too long; messages never contain a numeral
     */
    void encryptNumerals(int[] x, int from, int length, byte[] tweak) {
        applyNumerals(x, from, length, tweak, true, true);
    }

    /** {@link #encryptNumerals} in either direction and on either path, for tests. */
    void applyNumerals(int[] x, int from, int length, byte[] tweak, boolean encrypt, boolean fastPathAllowed) {
        apply(x, from, length, 1, tweak, encrypt, fastPathAllowed);
    }

    /**
     * Encrypts {@code count} values of {@code n} numerals each, stored one after another from
     * {@code x[0]}, in place, all under one tweak: the same as {@link #encryptNumerals} on each
     * value, but on the fast path the ten rounds of up to {@value Ff1State#BATCH} values run in
     * lockstep, so each round is one AES call over all their blocks instead of one call per value
     * (a call costs about twenty times the block's own encryption).
     *
     * @param x the numerals, each below the radix
     * @param n the numerals of each value
     * @param count how many values
     * @param tweak the tweak, not null, at most {@link #MAX_TWEAK_LENGTH} bytes
     * @throws IndexOutOfBoundsException if {@code n * count} numerals are not within {@code x}
     * @throws IllegalArgumentException as {@link #encryptNumerals} does
     */
    void encryptBatch(int[] x, int n, int count, byte[] tweak) {
        applyBatch(x, n, count, tweak, true);
    }

    /**
     * Encrypts, in place and under one tweak, the numerals {@code x[offsets[j] .. offsets[j] +
     * lengths[j])} of {@code k} values: values of equal length are gathered and encrypted
     * together by {@link #encryptBatch}, then put back. Ranges must not overlap.
     *
     * @param x the numerals, each below the radix
     * @param offsets where each value starts
     * @param lengths how many numerals each value has, each at least {@link #minLength()}
     * @param k how many values, at most {@value Ff1State#BATCH}
     * @param tweak the tweak, not null, at most {@link #MAX_TWEAK_LENGTH} bytes
     * @throws IllegalArgumentException as {@link #encryptNumerals} does
     */
    void encryptRanges(int[] x, int[] offsets, int[] lengths, int k, byte[] tweak) {
        if (k > Ff1State.BATCH) {
            throw new IllegalArgumentException("at most " + Ff1State.BATCH + " values at once, not " + k);
        }
        Ff1State st = state.get();
        boolean[] done = st.batchDone;
        java.util.Arrays.fill(done, 0, k, false);
        for (int j = 0; j < k; j++) {
            if (done[j]) {
                continue;
            }
            int n = lengths[j];
            int count = 0;
            for (int i = j; i < k; i++) {
                if (!done[i] && lengths[i] == n) {
                    count++;
                }
            }
            int[] g = st.gather(Math.multiplyExact(count, n));
            for (int i = j, at = 0; i < k; i++) {
                if (!done[i] && lengths[i] == n) {
                    System.arraycopy(x, offsets[i], g, at, n);
                    at += n;
                }
            }
            encryptBatch(g, n, count, tweak);
            for (int i = j, at = 0; i < k; i++) {
                if (!done[i] && lengths[i] == n) {
                    System.arraycopy(g, at, x, offsets[i], n);
                    at += n;
                    done[i] = true;
                }
            }
        }
    }

    /** {@link #encryptBatch} in either direction, for tests. */
    void applyBatch(int[] x, int n, int count, byte[] tweak, boolean encrypt) {
        apply(x, 0, n, count, tweak, encrypt, true);
    }

    /**
     * Checks and transforms {@code count} values of {@code n} numerals each, one after another from
     * {@code x[from]}: on the fast path up to {@value Ff1State#BATCH} of them in lockstep.
     */
    private void apply(int[] x, int from, int n, int count, byte[] tweak, boolean encrypt, boolean fastPathAllowed) {
        Objects.checkFromIndexSize(from, Math.multiplyExact(n, count), x.length);
        checkTweak(tweak);
        checkLength(n);
        for (int i = 0, end = n * count; i < end; i++) {
            int numeral = x[from + i];
            if (numeral < 0 || numeral >= radix) {
                throw new IllegalArgumentException("the numeral at position " + i % n + " (of " + n + ")"
                        + (count > 1 ? " of value " + i / n : "") + " is not in [0, " + radix + ")");
            }
        }
        Ff1State st = state.get();
        if (fastPathAllowed && n - n / 2 < moduli.length) {
            for (int start = 0; start < count; start += Ff1State.BATCH) {
                fast(st, x, from, start, Math.min(Ff1State.BATCH, count - start), n, tweak, encrypt);
            }
        } else {
            for (int k = 0; k < count; k++) {
                Ff1General.rounds(this, st, x, from + k * n, n, tweak, encrypt);
            }
        }
    }

    /**
     * Returns the calling thread's scratch buffers for callers of {@link #encryptNumerals}; the
     * cipher never touches them.
     *
     * @return this thread's scratch for this cipher
     */
    Ff1Scratch scratch() {
        return state.get().callerScratch;
    }

    private static void checkTweak(byte[] tweak) {
        if (tweak.length > MAX_TWEAK_LENGTH) {
            throw new IllegalArgumentException("tweak must be at most " + MAX_TWEAK_LENGTH
                    + " bytes, is " + tweak.length);
        }
    }

    private void checkLength(int n) {
        if (n < minLength) {
            throw new IllegalArgumentException("input has " + n + " characters; with radix " + radix
                    + " FF1 needs at least " + minLength + " (radix^length >= 1,000,000)");
        }
    }

    /** Replaces the numerals {@code x[from .. from + n)} by their encryption or decryption. */
    private void rounds(Ff1State st, int[] x, int from, int n, byte[] tweak, boolean encrypt,
            boolean fastPathAllowed) {
        if (fastPathAllowed && n - n / 2 < moduli.length) {
            fast(st, x, from, 0, 1, n, tweak, encrypt);
        } else {
            Ff1General.rounds(this, st, x, from, n, tweak, encrypt);
        }
    }

    // The last b + 1 bytes of the round's block are [i]^1 || [num]^b, XORed into head || body.
    private static long roundHead(long head, int b, int i) {
        return b < 8 ? head : head ^ i;
    }

    private static long roundBody(long body, int b, int i, long num) {
        return b < 8 ? body ^ (((long) i << (8 * b)) | num) : body ^ num;
    }

    /** y mod m, y being the first d = 8 (or 12 when {@code wide}) bytes of the AES output at {@code offset}. */
    private static long reduce(byte[] out, int offset, Reciprocal m, boolean wide) {
        if (!wide) {
            return m.remainderUnsigned((long) LONG_BE.get(out, offset));
        }
        long top = (int) INT_BE.get(out, offset) & 0xFFFF_FFFFL;
        long low = (long) LONG_BE.get(out, offset + 4);
        return UnsignedMath.remainder(m.remainderUnsigned(top), low, m.divisor());
    }

    /**
     * The ten rounds with A and B as {@code long}s (requires radix^v <= 2^62) over {@code k} values
     * of {@code n} numerals, value {@code first} on of those stored from {@code x[from]}, in
     * lockstep: round i builds the blocks of all k values, encrypts them in one call and reduces
     * each. The rounds change only the last block of Q (b + 1 <= 16), here pre-XORed with the MAC
     * of the blocks before it.
     */
    private void fast(Ff1State st, int[] x, int from, int first, int k, int n, byte[] tweak, boolean encrypt) {
        int u = n / 2;
        int v = n - u;
        Reciprocal ru = moduli[u];
        Reciprocal rv = moduli[v];
        long mv = rv.divisor();
        int b = (64 - Long.numberOfLeadingZeros(mv - 1) + 7) / 8;
        boolean wide = b > 4;
        preparePrefix(st, n, u, b, tweak);
        long head = (long) LONG_BE.get(st.prefixMac, 0) ^ (long) LONG_BE.get(st.tail, 0);
        long body = (long) LONG_BE.get(st.prefixMac, 8) ^ (long) LONG_BE.get(st.tail, 8);
        long[] as = st.batchA;
        long[] cs = st.batchC;
        byte[] in = st.batchIn;
        byte[] out = st.batchOut;
        for (int j = 0; j < k; j++) {
            int at = from + (first + j) * n;
            as[j] = value(x, at, u);
            cs[j] = value(x, at + u, v);
        }
        for (int r = 0; r < 10; r++) {
            int i = encrypt ? r : 9 - r;
            Reciprocal rm = (i & 1) == 0 ? ru : rv;
            long m = rm.divisor();
            long roundHead = roundHead(head, b, i);
            long[] nums = encrypt ? cs : as;
            for (int j = 0; j < k; j++) {
                LONG_BE.set(in, 16 * j, roundHead);
                LONG_BE.set(in, 16 * j + 8, roundBody(body, b, i, nums[j]));
            }
            st.encrypt(in, 0, out, 0, 16 * k);
            for (int j = 0; j < k; j++) {
                long y = reduce(out, 16 * j, rm, wide);
                if (encrypt) {
                    long sum = as[j] + y;
                    as[j] = cs[j];
                    cs[j] = sum >= m ? sum - m : sum;
                } else {
                    long diff = cs[j] - y;
                    cs[j] = as[j];
                    as[j] = diff < 0 ? diff + m : diff;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            int at = from + (first + j) * n;
            digits(as[j], x, at, u);
            digits(cs[j], x, at + u, v);
        }
    }

    private long value(int[] x, int from, int length) {
        long r = 0;
        for (int i = from, end = from + length; i < end; i++) {
            r = r * radix + x[i];
        }
        return r;
    }

    private void digits(long value, int[] x, int from, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            long q = radixReciprocal.quotient(value);
            x[i] = (int) (value - q * radix);
            value = q;
        }
    }

    /**
     * Makes {@code st} hold the CBC-MAC of P and of the blocks of Q before the round byte, and
     * the template of the remaining blocks of Q, unless it already holds them for this length
     * and tweak. Q = T || [0]^((-t-b-1) mod 16) || [i]^1 || [NUM(B)]^b.
     */
    void preparePrefix(Ff1State st, int n, int u, int b, byte[] tweak) {
        if (st.prefixIsFor(n, tweak)) {
            return;
        }
        st.forgetPrefix();
        int t = tweak.length;
        byte[] in = st.blockIn;
        byte[] out = st.blockOut;
        // P = [1]^1 || [2]^1 || [1]^1 || [radix]^3 || [10]^1 || [u mod 256]^1 || [n]^4 || [t]^4
        in[0] = 1;
        in[1] = 2;
        in[2] = 1;
        in[3] = (byte) (radix >>> 16);
        in[4] = (byte) (radix >>> 8);
        in[5] = (byte) radix;
        in[6] = 10;
        in[7] = (byte) u;
        INT_BE.set(in, 8, n);
        INT_BE.set(in, 12, t);
        st.encryptBlock();
        int roundPosition = t + Math.floorMod(-t - b - 1, Ff1State.BLOCK);
        int fixedBlocks = roundPosition / Ff1State.BLOCK;
        for (int k = 0; k < fixedBlocks; k++) {
            for (int j = 0; j < Ff1State.BLOCK; j++) {
                int q = k * Ff1State.BLOCK + j;
                in[j] = (byte) (out[j] ^ (q < t ? tweak[q] : 0));
            }
            st.encryptBlock();
        }
        System.arraycopy(out, 0, st.prefixMac, 0, Ff1State.BLOCK);
        int tailStart = fixedBlocks * Ff1State.BLOCK;
        int tailLength = roundPosition + 1 + b - tailStart;
        byte[] tail = st.tail(tailLength);
        Arrays.fill(tail, (byte) 0);
        for (int q = tailStart; q < t; q++) {
            tail[q - tailStart] = tweak[q];
        }
        st.tailLength = tailLength;
        st.roundIndex = roundPosition - tailStart;
        st.rememberPrefix(n, tweak);
    }
}
