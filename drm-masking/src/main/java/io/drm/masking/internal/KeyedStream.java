package io.drm.masking.internal;

/**
 * A keyed function whose output for one input continues as a stream of pseudorandom blocks:
 * {@link KeyedHash} (HMAC-SHA256, 32-byte blocks) and {@link KeyedPrf} (AES-CMAC, 16-byte blocks).
 * {@link TokenAlphabet} draws characters from either.
 */
public interface KeyedStream {

    /** @return the bytes of each block */
    int blockLength();

    /**
     * The next block of the stream of the calling thread's last input.
     *
     * @param current the calling thread's current block, as returned by its last call
     * @param counter the number of the block wanted, 1, 2, ...
     * @return this thread's block buffer, now holding that block
     */
    byte[] next(byte[] current, int counter);
}
