package io.drm.masking.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed pseudorandom function for short values: AES-CMAC (RFC 4493, NIST SP 800-38B) under an
 * AES-256 subkey, whose 16-byte tag continues, where a masker needs more bytes, as AES-CTR under a
 * second subkey with the tag as the initial counter block (the construction of AES-SIV, RFC 5297):
 * {@code block(0) = T = CMAC(K, input)}, {@code block(i) = AES(K', T + i mod 2^128)}.
 *
 * <p>Why not HMAC-SHA256: on the values maskers see (names, addresses, ids: one or two AES blocks)
 * a CMAC costs one or two AES rounds through the CPU's AES instructions, about a fifth of an
 * HMAC-SHA256, whose four SHA-256 compressions the JDK cannot save between calls. Masking runs on
 * the critical path of a masked copy, so the cheaper PRF is the default for every masker whose
 * format does not name HMAC.
 *
 * <p>Thread-safe: each thread has its own ciphers and buffers, so computing a tag allocates nothing.
 * The arrays returned belong to the calling thread and are overwritten by its next call.
 */
public final class KeyedPrf implements KeyedStream {

    /** Bytes of a tag and of each further block. */
    public static final int BLOCK = 16;
    /** Most values of one {@link Batch}. */
    public static final int BATCH_SIZE = 128;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final String AES = "AES";
    /** The constant R_128 of the subkey derivation. */
    private static final long RB = 0x87;

    private final long k1Hi;
    private final long k1Lo;
    private final long k2Hi;
    private final long k2Lo;
    private final ThreadLocal<State> state;

    /**
     * Creates the function.
     *
     * @param macKey the AES key of the CMAC, 16, 24 or 32 bytes; copied
     * @param streamKey the AES key of the stream beyond the tag, 16, 24 or 32 bytes; copied
     * @throws IllegalArgumentException if a key has another length
     * @throws IllegalStateException if the JDK offers no AES
     */
    public KeyedPrf(byte[] macKey, byte[] streamKey) {
        SecretKeySpec mac = aesKey(macKey, "macKey");
        SecretKeySpec stream = aesKey(streamKey, "streamKey");
        this.state = ThreadLocal.withInitial(() -> new State(mac, stream));
        // Subkeys (RFC 4493 2.3): L = AES(K, 0); K1 = L << 1 (^ Rb); K2 = K1 << 1 (^ Rb).
        State st = state.get(); // also fails here, not on first use, if AES is unusable
        st.encrypt(st.mac, 0, 0);
        long lHi = (long) LONG_BE.get(st.out, 0);
        long lLo = (long) LONG_BE.get(st.out, 8);
        this.k1Hi = (lHi << 1) | (lLo >>> 63);
        this.k1Lo = (lLo << 1) ^ (lHi < 0 ? RB : 0);
        this.k2Hi = (k1Hi << 1) | (k1Lo >>> 63);
        this.k2Lo = (k1Lo << 1) ^ (k1Hi < 0 ? RB : 0);
        LONG_BE.set(st.out, 0, 0L);
        LONG_BE.set(st.out, 8, 0L);
    }

    private static SecretKeySpec aesKey(byte[] key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException(what + " must be 16, 24 or 32 bytes, is " + key.length);
        }
        return new SecretKeySpec(key, AES);
    }

    /**
     * The tag of the UTF-8 encoding of a text (unpaired surrogates as {@code '?'}).
     *
     * @param text the text
     * @return this thread's 16-byte tag buffer
     */
    public byte[] prf(CharSequence text) {
        State st = state.get();
        st.begin();
        Utf8Feed.feed(text, st.text, st);
        return finish(st);
    }

    /**
     * The tag of the UTF-8 encoding of a text lower-cased as {@code toLowerCase(Locale.ROOT)} does,
     * without building the lower-cased string when the text is ASCII.
     *
     * @param text the text
     * @return this thread's 16-byte tag buffer
     */
    public byte[] prfLowerCase(String text) {
        State st = state.get();
        st.begin();
        Utf8Feed.feedLowerCase(text, st.text, st);
        return finish(st);
    }

    /**
     * The tag of some bytes.
     *
     * @param data the bytes
     * @param offset where they start
     * @param length how many
     * @return this thread's 16-byte tag buffer
     */
    public byte[] prf(byte[] data, int offset, int length) {
        State st = state.get();
        st.begin();
        st.absorb(data, offset, length);
        return finish(st);
    }

    @Override
    public int blockLength() {
        return BLOCK;
    }

    /**
     * Block {@code counter} of the stream of this thread's last tag: AES under the stream key of the
     * tag plus {@code counter}, modulo 2^128.
     *
     * @param current ignored: the stream follows from the thread's last tag, which this does not
     *     overwrite
     * @param counter the block number, 1, 2, ...
     * @return this thread's stream buffer
     */
    @Override
    public byte[] next(byte[] current, int counter) {
        State st = state.get();
        long lo = st.tagLo + (counter & 0xFFFF_FFFFL);
        long hi = st.tagHi + (Long.compareUnsigned(lo, st.tagLo) < 0 ? 1 : 0);
        st.encrypt(st.stream, hi, lo);
        System.arraycopy(st.out, 0, st.streamOut, 0, BLOCK);
        return st.streamOut;
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
     * This thread's buffers for tagging many values at once ({@link Batch}), emptied.
     *
     * @return the batch
     */
    public Batch batch() {
        State st = state.get();
        if (st.batch == null) {
            st.batch = new Batch(st);
        }
        st.batch.clear();
        return st.batch;
    }

    /**
     * Up to {@value #BATCH_SIZE} values tagged together: the CMACs of all values advance one
     * block per AES call over all their blocks (a call through {@code Cipher} costs about twenty
     * times the block's own encryption), and the first block of each stream is computed the same
     * way. The results equal {@link #prf} and {@link #next}{@code (…, 1)} value by value. Belongs
     * to one thread.
     */
    public final class Batch implements Utf8Feed.Sink {

        private static final int KEPT = 1 << 16;

        private final State st;
        private final int[] offsets = new int[BATCH_SIZE];
        private final int[] lengths = new int[BATCH_SIZE];
        private final long[] xHi = new long[BATCH_SIZE];
        private final long[] xLo = new long[BATCH_SIZE];
        private final int[] slot = new int[BATCH_SIZE];
        private final byte[] in = new byte[BATCH_SIZE * BLOCK];
        private final byte[] out = new byte[BATCH_SIZE * BLOCK];
        private final byte[] results = new byte[BATCH_SIZE * 2 * BLOCK];
        private final byte[] last = new byte[BLOCK];
        private byte[] data = new byte[BATCH_SIZE * 2 * BLOCK];
        private int used;
        private int count;

        private Batch(State st) {
            this.st = st;
        }

        /** @return how many values the batch holds */
        public int size() {
            return count;
        }

        /** @return whether it holds {@value #BATCH_SIZE} values */
        public boolean full() {
            return count == BATCH_SIZE;
        }

        /**
         * Adds the UTF-8 encoding of a text (unpaired surrogates as {@code '?'}).
         *
         * @param text the text
         * @return its slot, 0, 1, ...
         * @throws IllegalStateException if the batch is full
         */
        public int add(CharSequence text) {
            begin();
            Utf8Feed.feed(text, st.text, this);
            return end();
        }

        /**
         * Adds a text lower-cased as {@code toLowerCase(Locale.ROOT)} does, as
         * {@link #prfLowerCase} tags it.
         *
         * @param text the text
         * @return its slot
         * @throws IllegalStateException if the batch is full
         */
        public int addLowerCase(String text) {
            begin();
            Utf8Feed.feedLowerCase(text, st.text, this);
            return end();
        }

        @Override
        public void write(byte[] bytes, int length) {
            room(length);
            System.arraycopy(bytes, 0, data, used, length);
            used += length;
        }

        /**
         * Computes the tag of every value and, when asked, block 1 of its stream.
         *
         * @param stream whether to compute block 1 of each stream too
         * @return the results: for slot j, the tag at {@code 32 * j} and block 1 of its stream at
         *     {@code 32 * j + 16}
         */
        public byte[] compute(boolean stream) {
            int blocks = 0;
            for (int j = 0; j < count; j++) {
                xHi[j] = 0;
                xLo[j] = 0;
                blocks = Math.max(blocks, blocks(j));
            }
            for (int b = 0; b < blocks; b++) {
                int k = 0;
                for (int j = 0; j < count; j++) {
                    int nb = blocks(j);
                    if (nb <= b) {
                        continue;
                    }
                    int from = offsets[j] + BLOCK * b;
                    long hi;
                    long lo;
                    if (b < nb - 1) {
                        hi = (long) LONG_BE.get(data, from);
                        lo = (long) LONG_BE.get(data, from + 8);
                    } else {
                        int tail = offsets[j] + lengths[j] - from; // 0..16
                        System.arraycopy(data, from, last, 0, tail);
                        if (tail == BLOCK) {
                            hi = (long) LONG_BE.get(last, 0) ^ k1Hi;
                            lo = (long) LONG_BE.get(last, 8) ^ k1Lo;
                        } else {
                            last[tail] = (byte) 0x80;
                            java.util.Arrays.fill(last, tail + 1, BLOCK, (byte) 0);
                            hi = (long) LONG_BE.get(last, 0) ^ k2Hi;
                            lo = (long) LONG_BE.get(last, 8) ^ k2Lo;
                        }
                    }
                    LONG_BE.set(in, BLOCK * k, hi ^ xHi[j]);
                    LONG_BE.set(in, BLOCK * k + 8, lo ^ xLo[j]);
                    slot[k++] = j;
                }
                encrypt(st.mac, k);
                for (int c = 0; c < k; c++) {
                    xHi[slot[c]] = (long) LONG_BE.get(out, BLOCK * c);
                    xLo[slot[c]] = (long) LONG_BE.get(out, BLOCK * c + 8);
                }
            }
            for (int j = 0; j < count; j++) {
                LONG_BE.set(results, 2 * BLOCK * j, xHi[j]);
                LONG_BE.set(results, 2 * BLOCK * j + 8, xLo[j]);
            }
            if (stream) {
                for (int j = 0; j < count; j++) {
                    long lo = xLo[j] + 1;
                    LONG_BE.set(in, BLOCK * j, xHi[j] + (lo == 0 ? 1 : 0));
                    LONG_BE.set(in, BLOCK * j + 8, lo);
                }
                encrypt(st.stream, count);
                for (int j = 0; j < count; j++) {
                    System.arraycopy(out, BLOCK * j, results, 2 * BLOCK * j + BLOCK, BLOCK);
                }
            }
            return results;
        }

        private int blocks(int j) {
            return Math.max(1, (lengths[j] + BLOCK - 1) / BLOCK);
        }

        private void encrypt(Cipher cipher, int blocks) {
            try {
                cipher.update(in, 0, BLOCK * blocks, out, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("AES output buffer too short", e);
            }
        }

        private void begin() {
            if (count == BATCH_SIZE) {
                throw new IllegalStateException("the batch holds " + BATCH_SIZE + " values already");
            }
            offsets[count] = used;
        }

        private int end() {
            lengths[count] = used - offsets[count];
            return count++;
        }

        private void room(int more) {
            if (data.length - used < more) {
                data = java.util.Arrays.copyOf(data, Math.max(used + more, data.length * 2));
            }
        }

        /** Empties the batch for the next values. */
        public void clear() {
            used = 0;
            count = 0;
            if (data.length > KEPT) {
                data = new byte[BATCH_SIZE * 2 * BLOCK];
            }
        }
    }

    /** The last block: complete ones are masked with K1, partial (or empty) ones padded with 10* and K2. */
    private byte[] finish(State st) {
        byte[] p = st.pending;
        long hi;
        long lo;
        if (st.pendingLength == BLOCK) {
            hi = (long) LONG_BE.get(p, 0) ^ k1Hi;
            lo = (long) LONG_BE.get(p, 8) ^ k1Lo;
        } else {
            p[st.pendingLength] = (byte) 0x80;
            for (int i = st.pendingLength + 1; i < BLOCK; i++) {
                p[i] = 0;
            }
            hi = (long) LONG_BE.get(p, 0) ^ k2Hi;
            lo = (long) LONG_BE.get(p, 8) ^ k2Lo;
        }
        st.encrypt(st.mac, hi ^ st.xHi, lo ^ st.xLo);
        st.tagHi = (long) LONG_BE.get(st.out, 0);
        st.tagLo = (long) LONG_BE.get(st.out, 8);
        System.arraycopy(st.out, 0, st.tag, 0, BLOCK);
        return st.tag;
    }

    /** One thread's ciphers, CBC chain and buffers. */
    private static final class State implements Utf8Feed.Sink {
        final Cipher mac;
        final Cipher stream;
        final byte[] in = new byte[BLOCK];
        final byte[] out = new byte[BLOCK];
        final byte[] tag = new byte[BLOCK];
        final byte[] streamOut = new byte[BLOCK];
        /** The last block seen, not chained yet: CMAC treats the final block differently. */
        final byte[] pending = new byte[BLOCK];
        final byte[] text = new byte[Utf8Feed.CHUNK];
        int pendingLength;
        long xHi;
        long xLo;
        long tagHi;
        long tagLo;
        char[] chars = new char[32];
        Batch batch;

        State(SecretKeySpec macKey, SecretKeySpec streamKey) {
            try {
                mac = Cipher.getInstance("AES/ECB/NoPadding");
                mac.init(Cipher.ENCRYPT_MODE, macKey);
                stream = Cipher.getInstance("AES/ECB/NoPadding");
                stream.init(Cipher.ENCRYPT_MODE, streamKey);
            } catch (GeneralSecurityException e) {
                // A key problem's message never holds the key, but say nothing of it anyway.
                throw new IllegalStateException("AES/ECB/NoPadding is not available: " + e.getClass().getSimpleName(),
                        e);
            }
        }

        void begin() {
            pendingLength = 0;
            xHi = 0;
            xLo = 0;
        }

        @Override
        public void write(byte[] bytes, int length) {
            absorb(bytes, 0, length);
        }

        /** CBC over every block but the last, which stays in {@link #pending}. */
        void absorb(byte[] data, int offset, int length) {
            int off = offset;
            int left = length;
            while (left > 0) {
                if (pendingLength == BLOCK) {
                    encrypt(mac, (long) LONG_BE.get(pending, 0) ^ xHi, (long) LONG_BE.get(pending, 8) ^ xLo);
                    xHi = (long) LONG_BE.get(out, 0);
                    xLo = (long) LONG_BE.get(out, 8);
                    pendingLength = 0;
                }
                int take = Math.min(BLOCK - pendingLength, left);
                System.arraycopy(data, off, pending, pendingLength, take);
                pendingLength += take;
                off += take;
                left -= take;
            }
        }

        /** AES of the block {@code hi || lo} into {@link #out}. */
        void encrypt(Cipher cipher, long hi, long lo) {
            LONG_BE.set(in, 0, hi);
            LONG_BE.set(in, 8, lo);
            try {
                cipher.update(in, 0, BLOCK, out, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("AES output buffer too short", e);
            }
        }
    }
}
