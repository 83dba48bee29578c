package io.drm.internal.data;

/**
 * An open-addressing set of {@code long}s: 8 bytes a key, for the 64-bit key hashes of an artifact
 * (16 MB for a million keys at most half full). Not thread-safe.
 */
final class LongSet {

    private long[] slots = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /**
     * Adds a value.
     *
     * @param value the value
     * @return {@code false} when it was there already
     */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(value) & mask);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    /**
     * Tells whether a value is in the set.
     *
     * @param value the value
     * @return {@code true} if it was added
     */
    boolean contains(long value) {
        if (value == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        int i = (int) (mix(value) & mask);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != 0) {
                add(v);
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * Hashes a canonical key text to 64 bits.
     *
     * @param text the text
     * @return the hash
     */
    static long hash(String text) {
        long h = 0x9E3779B97F4A7C15L;
        long g = 0xC2B2AE3D27D4EB4FL;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h = (h ^ c) * 0x100000001B3L;
            g = Long.rotateLeft(g ^ c, 31) * 0x9E3779B97F4A7C15L;
        }
        return mix(h ^ Long.rotateLeft(g, 17)) ^ text.length();
    }
}
