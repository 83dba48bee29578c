package io.drm.bench;

import io.drm.masking.Maskers;
import io.drm.masking.TypedMasker;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures, on one thread, how many values per second the catalogue's keyed maskers mask: the
 * keyed token (16 base-62 characters of 12-character customer ids), fpe over the decimal digits
 * (16-digit strings and {@code ddd-dd-dddd} numbers), and the card masker with and without
 * {@code keepBinAndLast4} (16-digit Luhn-valid numbers). Prints the median of the timed rounds of
 * each, and whether the token reaches its target of 1,000,000 values/s.
 *
 * <p>Usage: {@code MaskerBenchmark [values-per-round]}. Not a unit test: nothing here fails a
 * build.
 */
public final class MaskerBenchmark {

    private static final String DIGITS = "0123456789";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int WARMUP_ROUNDS = 5;
    private static final int TIMED_ROUNDS = 9;
    private static final double TOKEN_TARGET = 1_000_000;

    private MaskerBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of values per round (default 200,000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Random random = new Random(20_240_601L);
        byte[] key = new byte[32];
        random.nextBytes(key);

        String[] ids = new String[count];
        String[] digits16 = new String[count];
        String[] ssns = new String[count];
        String[] cards = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "C" + text(random, BASE62, 11);
            digits16[i] = text(random, DIGITS, 16);
            ssns[i] = text(random, DIGITS, 3) + "-" + text(random, DIGITS, 2) + "-" + text(random, DIGITS, 4);
            cards[i] = luhn(random, 16);
        }

        Case[] cases = {
            new Case("token (16 of base 62, 12-char ids)", Maskers.token(key, 16, BASE62), ids),
            new Case("fpe digits (16 digits)", Maskers.fpe(key, DIGITS), digits16),
            new Case("fpe digits (ddd-dd-dddd)", Maskers.fpe(key, DIGITS), ssns),
            new Case("card (16 digits)", Maskers.paymentCard(key, false), cards),
            new Case("card, BIN and last 4 kept (16 digits)", Maskers.paymentCard(key, true), cards),
        };

        long sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            for (Case c : cases) {
                sink += run(c);
            }
        }
        double[][] rates = new double[cases.length][TIMED_ROUNDS];
        for (int r = 0; r < TIMED_ROUNDS; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int c = 0; c < cases.length; c++) {
                long start = System.nanoTime();
                sink += run(cases[c]);
                rates[c][r] = count / ((System.nanoTime() - start) / 1e9);
                line.append(String.format(Locale.ROOT, " %,.0f", rates[c][r]));
            }
            System.out.println(line);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Maskers, one thread, %,d values a round, median of %d rounds after %d"
                + " warm-up rounds%n", count, TIMED_ROUNDS, WARMUP_ROUNDS);
        for (int c = 0; c < cases.length; c++) {
            double median = median(rates[c]);
            String verdict = c == 0 ? String.format(Locale.ROOT, "  (target >= %,.0f: %s)", TOKEN_TARGET,
                    median >= TOKEN_TARGET ? "OK" : "MISS") : "";
            System.out.printf(Locale.ROOT, "%-40s %,12.0f values/s%s%n", cases[c].label + ":", median, verdict);
        }
        System.out.printf(Locale.ROOT, "(Java %s, %d CPUs, checksum %d)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), sink);
    }

    private record Case(String label, TypedMasker masker, String[] values) {
    }

    private static long run(Case c) {
        long sink = 0;
        TypedMasker masker = c.masker();
        for (String value : c.values()) {
            sink += ((String) masker.mask(value)).charAt(0);
        }
        return sink;
    }

    private static String text(Random random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** A random number of n digits that passes the Luhn check. */
    private static String luhn(Random random, int n) {
        String body = text(random, DIGITS, n - 1);
        for (int d = 0; d < 10; d++) {
            if (Maskers.luhnValid(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError("every body has a check digit");
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
