package io.drm.bench;

import io.drm.masking.Ff1;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Measures, on one thread, how many 16-digit decimal strings per second {@link Ff1#encrypt}
 * encrypts, against Bouncy Castle's {@code FPEFF1Engine} initialised once for the key and tweak
 * and fed per value the way a caller holding strings must: string to byte numerals,
 * {@code processBlock}, numerals back to a string. Prints the medians of the timed rounds and the
 * ratio drm / Bouncy Castle against the target of 5.
 *
 * <p>Usage: {@code Ff1Benchmark [values-per-round]}. Not a unit test: nothing here fails a build;
 * the exit status is 1 only if the two disagree on a ciphertext.
 */
public final class Ff1Benchmark {

    private static final String DIGITS = "0123456789";
    private static final int LENGTH = 16;
    private static final int WARMUP_ROUNDS = 5;
    private static final int TIMED_ROUNDS = 9;
    private static final double TARGET = 5.0;

    private Ff1Benchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of values per round (default 200,000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Random random = new Random(20_190_101L);
        byte[] key = new byte[16];
        random.nextBytes(key);
        byte[] tweak = "bench.card_number".getBytes(StandardCharsets.US_ASCII);
        String[] values = new String[count];
        char[] chars = new char[LENGTH];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < LENGTH; j++) {
                chars[j] = DIGITS.charAt(random.nextInt(10));
            }
            values[i] = new String(chars);
        }

        Ff1 drm = Ff1.create(key, DIGITS);
        FPEFF1Engine bc = new FPEFF1Engine();
        bc.init(true, new FPEParameters(new KeyParameter(key), DIGITS.length(), tweak));

        for (int i = 0; i < Math.min(count, 1000); i++) {
            if (!drm.encrypt(values[i], tweak).equals(bouncyCastle(bc, values[i]))) {
                System.err.println("drm and Bouncy Castle disagree on value " + i);
                System.exit(1);
            }
        }

        long sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            sink += runDrm(drm, values, tweak);
            sink += runBouncyCastle(bc, values);
        }
        double[] drmRates = new double[TIMED_ROUNDS];
        double[] bcRates = new double[TIMED_ROUNDS];
        for (int r = 0; r < TIMED_ROUNDS; r++) {
            long start = System.nanoTime();
            sink += runDrm(drm, values, tweak);
            drmRates[r] = count / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            sink += runBouncyCastle(bc, values);
            bcRates[r] = count / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "round %d: drm %,.0f values/s, Bouncy Castle %,.0f values/s%n",
                    r + 1, drmRates[r], bcRates[r]);
        }
        double drmMedian = median(drmRates);
        double bcMedian = median(bcRates);
        double ratio = drmMedian / bcMedian;
        System.out.println();
        System.out.printf(Locale.ROOT, "FF1 encrypt, %d-digit decimal strings, AES-128, one thread, %,d values"
                + " a round, median of %d rounds after %d warm-up rounds%n", LENGTH, count, TIMED_ROUNDS,
                WARMUP_ROUNDS);
        System.out.printf(Locale.ROOT, "drm Ff1:                    %,12.0f values/s%n", drmMedian);
        System.out.printf(Locale.ROOT, "Bouncy Castle FPEFF1Engine: %,12.0f values/s%n", bcMedian);
        System.out.printf(Locale.ROOT, "ratio drm / Bouncy Castle:  %12.2f (target >= %.1f: %s)%n", ratio, TARGET,
                ratio >= TARGET ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "(Java %s, %d CPUs, checksum %d)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), sink);
    }

    private static long runDrm(Ff1 drm, String[] values, byte[] tweak) {
        long sink = 0;
        for (String value : values) {
            sink += drm.encrypt(value, tweak).charAt(LENGTH - 1);
        }
        return sink;
    }

    private static long runBouncyCastle(FPEFF1Engine bc, String[] values) {
        long sink = 0;
        for (String value : values) {
            sink += bouncyCastle(bc, value).charAt(LENGTH - 1);
        }
        return sink;
    }

    /** String to numerals, FPEFF1Engine, numerals to string. */
    private static String bouncyCastle(FPEFF1Engine bc, String value) {
        int n = value.length();
        byte[] numerals = new byte[n];
        for (int i = 0; i < n; i++) {
            int digit = value.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit at position " + i);
            }
            numerals[i] = (byte) digit;
        }
        byte[] out = new byte[n];
        bc.processBlock(numerals, 0, n, out, 0);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) ('0' + out[i]);
        }
        return new String(chars);
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
