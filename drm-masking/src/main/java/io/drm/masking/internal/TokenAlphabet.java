package io.drm.masking.internal;

import java.util.Objects;

/**
 * Turns a keyed stream ({@link KeyedStream}) into code points of an alphabet without bias: each
 * code point takes one byte (radix up to 256) or two (larger radixes) of the stream, and a unit
 * that would bias the result (at or above the largest multiple of the radix) is skipped. When the
 * bytes of one block run out, the stream's next block is taken. An alphabet may hold supplementary
 * code points (emoji); each is written as its surrogate pair, never split. Immutable.
 */
public final class TokenAlphabet {

    /** The alphabet as chars when it is all in the Basic Multilingual Plane, else null. */
    private final char[] chars;
    private final CodePointAlphabet codePoints;
    private final int radix;
    private final int unitBytes;
    private final int limit;
    /** The radix, to take remainders by a multiply (a divide costs tens of cycles on some CPUs). */
    private final Reciprocal radixReciprocal;

    /**
     * @param alphabet distinct code points, 2 to 65536
     * @param masker the masker's name, for messages
     * @throws IllegalArgumentException if the alphabet has fewer than 2 code points, a repeat or
     *     an unpaired surrogate
     */
    public TokenAlphabet(String alphabet, String masker) {
        Objects.requireNonNull(alphabet, "alphabet");
        try {
            this.codePoints = CodePointAlphabet.of(alphabet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(masker + ": " + e.getMessage());
        }
        this.chars = codePoints.bmpOnly() ? codePoints.chars() : null;
        this.radix = codePoints.radix();
        this.unitBytes = radix <= 256 ? 1 : 2;
        int range = 1 << (8 * unitBytes);
        this.limit = range - range % radix;
        this.radixReciprocal = new Reciprocal(radix);
    }

    /** @return the number of code points */
    public int radix() {
        return radix;
    }

    /**
     * @param length code points of a token
     * @return the most {@code char}s they take: {@code length}, or twice that when the alphabet has
     *     supplementary code points
     */
    public int maxChars(int length) {
        return chars != null ? length : 2 * length;
    }

    /**
     * Writes {@code length} code points drawn from the keyed stream that starts with {@code digest}.
     *
     * @param hash the keyed hash that produced {@code digest}, for further blocks
     * @param digest this thread's digest buffer, holding the first block
     * @param out where the characters go, room for {@link #maxChars maxChars(length)}
     * @param offset index of the first character in {@code out}
     * @param length how many code points
     * @return how many {@code char}s were written
     */
    public int fill(KeyedStream hash, byte[] digest, char[] out, int offset, int length) {
        int block = hash.blockLength();
        int pos = 0;
        int counter = 1;
        int written = 0;
        int at = offset;
        while (written < length) {
            if (pos + unitBytes > block) {
                digest = hash.next(digest, counter++);
                pos = 0;
            }
            int unit = digest[pos] & 0xFF;
            if (unitBytes == 2) {
                unit = (unit << 8) | (digest[pos + 1] & 0xFF);
            }
            pos += unitBytes;
            if (unit < limit) {
                int numeral = (int) radixReciprocal.remainderUnsigned(unit);
                if (chars != null) {
                    out[at++] = chars[numeral];
                } else {
                    at += Character.toChars(codePoints.codePoint(numeral), out, at);
                }
                written++;
            }
        }
        return at - offset;
    }

    /**
     * Writes {@code length} characters drawn, as {@link #fill} draws them, from the bytes
     * {@code bytes[from .. to)} alone. For alphabets of the Basic Multilingual Plane only.
     *
     * @param bytes the pseudorandom bytes
     * @param from the first byte
     * @param to past the last byte
     * @param out where the characters go
     * @param offset index of the first character in {@code out}
     * @param length how many characters
     * @return whether the bytes sufficed; if not, {@code out} holds a part, and the caller falls
     *     back to {@link #fill} with the whole stream
     * @throws IllegalStateException if the alphabet has supplementary code points
     */
    public boolean fillFrom(byte[] bytes, int from, int to, char[] out, int offset, int length) {
        if (chars == null) {
            throw new IllegalStateException("fillFrom needs an alphabet of the Basic Multilingual Plane");
        }
        int written = 0;
        for (int pos = from; written < length; pos += unitBytes) {
            if (pos + unitBytes > to) {
                return false;
            }
            int unit = bytes[pos] & 0xFF;
            if (unitBytes == 2) {
                unit = (unit << 8) | (bytes[pos + 1] & 0xFF);
            }
            if (unit < limit) {
                out[offset + written++] = chars[(int) radixReciprocal.remainderUnsigned(unit)];
            }
        }
        return true;
    }
}
