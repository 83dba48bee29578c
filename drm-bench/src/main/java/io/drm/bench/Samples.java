package io.drm.bench;

import java.util.ArrayList;
import java.util.List;

/** Measured durations of one contender in one scenario; reports their median. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    /**
     * Adds one measurement.
     *
     * @param elapsedNanos the duration, from {@link System#nanoTime()} differences
     */
    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    /**
     * Returns how many measurements there are.
     *
     * @return the count
     */
    int size() {
        return nanos.size();
    }

    /**
     * Returns the median in milliseconds (mean of the middle two for an even count).
     *
     * @return the median
     * @throws IllegalStateException if nothing was measured
     */
    double medianMillis() {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no measurements");
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return median / 1_000_000.0;
    }

    /**
     * Returns the smallest and largest measurement in milliseconds, for the log.
     *
     * @return {@code min..max ms}
     */
    String range() {
        long min = nanos.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = nanos.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(java.util.Locale.ROOT, "%.1f..%.1f ms", min / 1e6, max / 1e6);
    }
}
