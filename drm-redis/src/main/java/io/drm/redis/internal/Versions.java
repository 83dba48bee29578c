package io.drm.redis.internal;

import java.math.BigInteger;
import java.util.Comparator;

/** Orders configuration versions like Flyway ({@code 1.10 > 1.9}, {@code 1.0 == 1}). */
public final class Versions {

    /** Lowest first. */
    public static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    /**
     * Compares two versions.
     *
     * @param a dot-separated numbers
     * @param b dot-separated numbers
     * @return negative, zero or positive
     */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
