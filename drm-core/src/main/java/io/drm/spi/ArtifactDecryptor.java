package io.drm.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decrypts encrypted data artifacts ({@code V<version>__<name>.csv.enc} and the like) while they
 * stream into a load. drm-core knows no cipher; drm-masking's {@code Keyring} implements this
 * interface, and applications register it with {@code DataRelease.Builder.keyring(...)}.
 *
 * <p>Contract: implementations are thread-safe and may be called concurrently for different
 * artifacts. The returned stream releases plaintext only after the part of the ciphertext it comes
 * from has been authenticated; a wrong key, an unknown key id, a truncated or altered ciphertext
 * makes {@link #decryptingStream} or a later {@code read} throw a {@code DrmException} (never an
 * unchecked crypto exception, never garbage plaintext). No key material appears in any message.
 */
public interface ArtifactDecryptor {

    /**
     * Wraps a ciphertext stream in a stream of its plaintext.
     *
     * @param ciphertext the encrypted artifact, from its first byte; closed when the returned stream is closed
     * @return the plaintext stream
     * @throws IOException if reading the ciphertext fails
     * @throws io.drm.DrmException if the header names a key this decryptor does not have, or is not valid
     */
    InputStream decryptingStream(InputStream ciphertext) throws IOException;
}
