package io.drm.audit.internal;

/** Lower-case hex encoding of hashes. */
public final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Value of each lower-case hex digit, -1 for any other byte. */
    private static final byte[] LOWER = new byte[256];

    static {
        java.util.Arrays.fill(LOWER, (byte) -1);
        for (int i = 0; i < 16; i++) {
            LOWER[DIGITS[i]] = (byte) i;
        }
    }

    private Hex() {
    }

    /**
     * @param bytes bytes
     * @return their lower-case hex
     */
    public static String encode(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes 64 lower-case hex digits stored as bytes.
     *
     * @param b buffer
     * @param off where the digits start
     * @return the 32 bytes, or null if the 64 bytes there are not lower-case hex digits
     */
    public static byte[] decodeSha256(byte[] b, int off) {
        if (off < 0 || off + 64 > b.length) {
            return null;
        }
        byte[] out = new byte[32];
        int bad = 0;
        for (int i = 0; i < 32; i++) {
            int hi = LOWER[b[off + 2 * i] & 0xff];
            int lo = LOWER[b[off + 2 * i + 1] & 0xff];
            bad |= hi | lo;
            out[i] = (byte) (hi << 4 | lo);
        }
        return bad < 0 ? null : out;
    }

    /**
     * @param hex hex digits, either case
     * @return the bytes
     * @throws IllegalArgumentException if {@code hex} is not an even number of hex digits
     */
    public static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            char h = hex.charAt(2 * i);
            char l = hex.charAt(2 * i + 1);
            if (h < 128 && l < 128 && LOWER[h] >= 0 && LOWER[l] >= 0) {
                out[i] = (byte) (LOWER[h] << 4 | LOWER[l]);
                continue;
            }
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at " + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /**
     * @param hex a string
     * @return whether it is a lower-case hex SHA-256 (64 digits)
     */
    public static boolean isSha256(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
