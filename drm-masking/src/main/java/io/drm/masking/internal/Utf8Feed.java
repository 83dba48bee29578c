package io.drm.masking.internal;

import java.util.Locale;

/**
 * Feeds the UTF-8 encoding of a text to a keyed function in pieces through a fixed buffer, so a
 * long value does not grow a thread's memory. Unpaired surrogates are encoded as {@code '?'}, as
 * {@link String#getBytes} does.
 */
final class Utf8Feed {

    /** Bytes encoded before they are handed on. */
    static final int CHUNK = 1024;

    /** Where the encoded bytes go. */
    interface Sink {
        /**
         * Takes the first {@code length} bytes of {@code bytes}; called once per piece, in order.
         *
         * @param bytes the buffer
         * @param length how many of its bytes are filled
         */
        void write(byte[] bytes, int length);
    }

    private Utf8Feed() {
    }

    /**
     * Encodes a text and hands it to a sink in pieces.
     *
     * @param text the text
     * @param buffer scratch of at least 4 bytes (normally {@link #CHUNK})
     * @param sink where the pieces go
     */
    static void feed(CharSequence text, byte[] buffer, Sink sink) {
        int n = text.length();
        byte[] b = buffer;
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (j > b.length - 4) {
                sink.write(b, j);
                j = 0;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                b[j++] = (byte) c;
            } else if (c < 0x800) {
                b[j++] = (byte) (0xC0 | (c >> 6));
                b[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    b[j++] = (byte) (0xF0 | (cp >> 18));
                    b[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[j++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[j++] = (byte) '?';
                }
            } else {
                b[j++] = (byte) (0xE0 | (c >> 12));
                b[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        if (j > 0) {
            sink.write(b, j);
        }
    }

    /**
     * Encodes a text lower-cased as {@code toLowerCase(Locale.ROOT)} does, without building the
     * lower-cased string when the text is ASCII, and hands it to a sink in pieces.
     *
     * @param text the text
     * @param buffer scratch of at least 4 bytes
     * @param sink where the pieces go
     */
    static void feedLowerCase(String text, byte[] buffer, Sink sink) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                feed(text.toLowerCase(Locale.ROOT), buffer, sink);
                return;
            }
        }
        for (int from = 0; from < n; from += buffer.length) {
            int piece = Math.min(buffer.length, n - from);
            for (int i = 0; i < piece; i++) {
                char c = text.charAt(from + i);
                buffer[i] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            sink.write(buffer, piece);
        }
    }
}
