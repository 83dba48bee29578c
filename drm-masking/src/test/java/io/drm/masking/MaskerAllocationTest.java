package io.drm.masking;

import static io.drm.masking.MaskerFixtures.DIGITS;
import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The FF1-based maskers allocate little more than their result per value, once warmed up: the
 * numerals, characters and tweak live in per-thread buffers. The result of an 11- to 19-character
 * value is about 56 to 64 bytes (a {@code String} and its byte array); before those buffers, a
 * {@code ddd-dd-dddd} value cost about 250 bytes and a 16-digit card number about 390. Measured
 * with the JDK's per-thread allocation counter over many values, so it does not depend on timing.
 */
final class MaskerAllocationTest {

    private static final int VALUES = 20_000;
    private static final long BOUND = 200;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void fpe_allocates_under_200_bytes_per_ddd_dd_dddd_value() {
        Random random = new Random(1);
        String[] values = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = MaskerFixtures.random(random, DIGITS, 3) + "-" + MaskerFixtures.random(random, DIGITS, 2)
                    + "-" + MaskerFixtures.random(random, DIGITS, 4);
        }
        assertThat(bytesPerValue(Maskers.fpe(KEY, DIGITS), values)).isLessThan(BOUND);
    }

    @Test
    void card_allocates_under_200_bytes_per_16_digit_number() {
        assertThat(bytesPerValue(Maskers.paymentCard(KEY, false), cards(16))).isLessThan(BOUND);
    }

    @Test
    void card_keeping_bin_and_last_4_allocates_under_200_bytes_per_19_digit_number() {
        // 8 free digits: the middle goes through FF1 (the small-domain permutation below 6 has its own cost).
        assertThat(bytesPerValue(Maskers.paymentCard(KEY, true), cards(19))).isLessThan(BOUND);
    }

    private static String[] cards(int digits) {
        Random random = new Random(2);
        String[] values = new String[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = MaskerFixtures.luhnValid(random, digits);
        }
        return values;
    }

    /** Bytes this thread allocates per value masked, over a pass after two warm-up passes. */
    private static long bytesPerValue(TypedMasker masker, String[] values) {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).as("per-thread allocation counter").isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            sink += maskAll(masker, values);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        sink += maskAll(masker, values);
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertThat(sink).isPositive();
        return allocated / values.length;
    }

    private static long maskAll(TypedMasker masker, String[] values) {
        long sink = 0;
        for (String value : values) {
            sink += ((String) masker.mask(value)).length();
        }
        return sink;
    }
}
