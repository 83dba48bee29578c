package io.drm.masking.internal;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one subkey, with a {@code Mac}, an input buffer and an output buffer per
 * thread, so hashing a value allocates nothing. Thread-safe.
 *
 * <p>The arrays returned by {@link #hash(CharSequence)} and the other methods belong to the calling
 * thread and are overwritten by its next call; callers read them at once and never hand them out.
 */
public final class KeyedHash implements KeyedStream {

    private static final String HMAC = "HmacSHA256";

    private final ThreadLocal<State> state;

    /**
     * Creates the hash.
     *
     * @param subkey the HMAC key, copied
     * @throws IllegalStateException if the JDK offers no HMAC-SHA256
     */
    public KeyedHash(byte[] subkey) {
        Objects.requireNonNull(subkey, "subkey");
        SecretKeySpec key = new SecretKeySpec(subkey, HMAC);
        this.state = ThreadLocal.withInitial(() -> new State(key));
        state.get(); // fail here, not on first use, if HMAC-SHA256 is unusable
    }

    /**
     * HMAC of the UTF-8 encoding of a text (unpaired surrogates encoded as {@code '?'}, as
     * {@link String#getBytes} does).
     *
     * @param text the text
     * @return this thread's 32-byte digest buffer
     */
    public byte[] hash(CharSequence text) {
        State st = state.get();
        st.update(text);
        return st.finish();
    }

    /**
     * HMAC of a prefix byte followed by the UTF-8 of a text, for masker parts that must not
     * correlate with each other.
     *
     * @param prefix a domain separation byte
     * @param text the text
     * @return this thread's 32-byte digest buffer
     */
    public byte[] hash(byte prefix, CharSequence text) {
        State st = state.get();
        st.mac.update(prefix);
        st.update(text);
        return st.finish();
    }

    /**
     * HMAC of some bytes.
     *
     * @param data the bytes
     * @param offset where they start
     * @param length how many
     * @return this thread's 32-byte digest buffer
     */
    public byte[] hash(byte[] data, int offset, int length) {
        State st = state.get();
        st.mac.update(data, offset, length);
        return st.finish();
    }

    /**
     * The next block of a stream of pseudorandom bytes: HMAC(previous block || counter), written
     * over the same buffer.
     *
     * @param digest this thread's digest buffer, as returned by the last call
     * @param counter the block number, 1, 2, ...
     * @return the same buffer, now holding the next block
     */
    @Override
    public byte[] next(byte[] digest, int counter) {
        State st = state.get();
        st.mac.update(digest, 0, Hkdf.HASH_LENGTH);
        st.mac.update((byte) (counter >>> 24));
        st.mac.update((byte) (counter >>> 16));
        st.mac.update((byte) (counter >>> 8));
        st.mac.update((byte) counter);
        return st.finish();
    }

    @Override
    public int blockLength() {
        return Hkdf.HASH_LENGTH;
    }

    /**
     * This thread's scratch characters, for building a result without another allocation.
     *
     * @param length how many are needed
     * @return a buffer of at least {@code length} chars
     */
    public char[] chars(int length) {
        State st = state.get();
        if (st.chars.length < length) {
            st.chars = new char[Math.max(length, st.chars.length * 2)];
        }
        return st.chars;
    }

    /**
     * Reads 8 bytes big-endian.
     *
     * @param bytes the bytes
     * @param offset where the 8 bytes start
     * @return the unsigned 64-bit value as a {@code long}
     */
    public static long long64(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    /**
     * Maps 64 pseudorandom bits to {@code [0, bound)}; the bias is below {@code bound / 2^64}.
     *
     * @param bits the bits
     * @param bound the bound, positive
     * @return a value in {@code [0, bound)}
     */
    public static int below(long bits, int bound) {
        return (int) Long.remainderUnsigned(bits, bound);
    }

    private static final class State implements Utf8Feed.Sink {
        final Mac mac;
        final byte[] out = new byte[Hkdf.HASH_LENGTH];
        final byte[] in = new byte[Utf8Feed.CHUNK];
        char[] chars = new char[32];

        State(SecretKeySpec key) {
            try {
                mac = Mac.getInstance(HMAC);
                mac.init(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
            }
        }

        byte[] finish() {
            try {
                mac.doFinal(out, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }

        /** Feeds the UTF-8 encoding of a text to the Mac through the fixed buffer {@link #in}. */
        void update(CharSequence text) {
            Utf8Feed.feed(text, in, this);
        }

        @Override
        public void write(byte[] bytes, int length) {
            mac.update(bytes, 0, length);
        }
    }
}
