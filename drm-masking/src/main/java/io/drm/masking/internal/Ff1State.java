package io.drm.masking.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

/**
 * The state one thread uses for one {@link Ff1Cipher}: its AES cipher, scratch buffers, and the
 * CBC-MAC of the part of P || Q that does not change from round to round, kept for the last
 * (length, tweak) pair. Never shared between threads.
 */
final class Ff1State {

    static final int BLOCK = 16;
    /** Values whose rounds {@link Ff1Cipher#encryptBatch} runs in lockstep. */
    static final int BATCH = 128;

    private final Cipher aes;

    /** Input and output of one AES block; distinct arrays so the provider never copies. */
    final byte[] blockIn = new byte[BLOCK];
    final byte[] blockOut = new byte[BLOCK];

    /** Scratch of {@link Ff1Cipher#apply}. */
    final Ff1Scratch own = new Ff1Scratch();

    /** Scratch lent to the callers of the numeral entry point; distinct from {@link #own}. */
    final Ff1Scratch callerScratch = new Ff1Scratch();

    // Halves and blocks of the lockstep rounds.
    final long[] batchA = new long[BATCH];
    final long[] batchC = new long[BATCH];
    final byte[] batchIn = new byte[BATCH * BLOCK];
    final byte[] batchOut = new byte[BATCH * BLOCK];
    final boolean[] batchDone = new boolean[BATCH];
    private int[] gather = new int[BATCH * 24];

    /** Gathered numerals of {@link Ff1Cipher#encryptRanges}; a very long one is not kept. */
    int[] gather(int length) {
        if (gather.length < length) {
            if (length > Ff1Scratch.MAX_KEPT * 16) {
                return new int[length];
            }
            gather = new int[length];
        }
        return gather;
    }

    // Memo: what the prefix below was computed for.
    private int memoLength = -1;
    private byte[] memoTweak = new byte[32];
    private int memoTweakLength = -1;

    /** CBC-MAC state after P and the leading blocks of Q that hold only tweak and zero bytes. */
    final byte[] prefixMac = new byte[BLOCK];
    /** The trailing blocks of Q with the round byte and NUM(B) still zero; tailLength bytes used. */
    byte[] tail = new byte[BLOCK];
    int tailLength;
    /** Index of the round byte within {@link #tail}. */
    int roundIndex;

    // Scratch of the general path.
    byte[] sIn = new byte[0];
    byte[] sOut = new byte[0];

    Ff1State(SecretKey key) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            // The message of a key problem never holds the key, but say nothing of it anyway.
            throw new IllegalStateException("AES/ECB/NoPadding is not available: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Encrypts {@code blockIn} into {@code blockOut}. */
    void encryptBlock() {
        encrypt(blockIn, 0, blockOut, 0, BLOCK);
    }

    /** Encrypts {@code length} bytes (whole blocks) of {@code in} into {@code out} in ECB mode. */
    void encrypt(byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        try {
            aes.update(in, inOffset, length, out, outOffset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("AES output buffer too short", e);
        }
    }

    /** Whether the prefix was last computed for this length and tweak. */
    boolean prefixIsFor(int length, byte[] tweak) {
        return memoLength == length && memoTweakLength == tweak.length
                && Arrays.equals(memoTweak, 0, tweak.length, tweak, 0, tweak.length);
    }

    /** Records that the prefix is now computed for this length and tweak. */
    void rememberPrefix(int length, byte[] tweak) {
        if (memoTweak.length < tweak.length) {
            memoTweak = new byte[tweak.length];
        }
        System.arraycopy(tweak, 0, memoTweak, 0, tweak.length);
        memoTweakLength = tweak.length;
        memoLength = length;
    }

    /** Forgets the prefix, before it is overwritten. */
    void forgetPrefix() {
        memoLength = -1;
        memoTweakLength = -1;
    }

    byte[] tail(int length) {
        if (tail.length < length) {
            tail = new byte[length];
        }
        return tail;
    }

    /** Makes {@link #sIn} and {@link #sOut} at least {@code length} bytes. */
    void sBuffers(int length) {
        if (sIn.length < length) {
            sIn = new byte[length];
            sOut = new byte[length];
        }
    }
}
