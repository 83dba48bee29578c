package io.drm.audit.internal;

import java.util.Random;

/** Random strings that exercise JSON escaping: ASCII, quotes and controls, BMP text and emoji. */
final class RandomText {

    private RandomText() {
    }

    /** A string of up to {@code max} code points. */
    static String of(Random random, int max) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> out.append("\"\\\n\t\u0001".charAt(random.nextInt(5)));
                case 2 -> out.append((char) (0xa0 + random.nextInt(0x700)));
                case 3 -> out.append((char) (0x3000 + random.nextInt(0x1000)));
                case 4 -> out.appendCodePoint(0x1f600 + random.nextInt(50));
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }
}
