package io.drm.internal.diff;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/** Orders keys as the databases order segments: integers as numbers, text by code points. */
final class KeyOrder implements Comparator<List<Object>> {

    static final KeyOrder INSTANCE = new KeyOrder();

    @Override
    public int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = part(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int part(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return codePoints(sa, sb);
        }
        return toBig(a).compareTo(toBig(b));
    }

    static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static BigInteger toBig(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
    }
}
