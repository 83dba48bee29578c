package io.drm.masking.internal;

/** A fixed set of {@code char}s with constant-time membership. Immutable. */
public final class CharSet {

    private final char first;
    private final boolean[] members;

    private CharSet(char first, boolean[] members) {
        this.first = first;
        this.members = members;
    }

    /**
     * @param chars the members, at least one
     * @return the set
     */
    public static CharSet of(String chars) {
        char min = Character.MAX_VALUE;
        char max = Character.MIN_VALUE;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            min = c < min ? c : min;
            max = c > max ? c : max;
        }
        boolean[] members = new boolean[max - min + 1];
        for (int i = 0; i < chars.length(); i++) {
            members[chars.charAt(i) - min] = true;
        }
        return new CharSet(min, members);
    }

    /**
     * @param c a character
     * @return whether it is a member
     */
    public boolean contains(char c) {
        int slot = c - first;
        return slot >= 0 && slot < members.length && members[slot];
    }
}
