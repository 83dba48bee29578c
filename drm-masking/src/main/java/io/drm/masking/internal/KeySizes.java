package io.drm.masking.internal;

import io.drm.masking.MaskingKeyException;

/** Checks shared by the key providers. Messages name key ids and sources, never key bytes. */
public final class KeySizes {

    /** Fewest bytes of a masking key. */
    public static final int MIN = MaskerKeys.MIN_KEY_LENGTH;

    /** Most bytes of a masking key from the environment or a keystore. */
    public static final int MAX = 64;

    private KeySizes() {
    }

    /**
     * Refuses an empty or blank key id.
     *
     * @param keyId the id
     * @return the id
     * @throws NullPointerException if {@code keyId} is null
     * @throws MaskingKeyException if it is blank
     */
    public static String checkId(String keyId) {
        if (keyId == null) {
            throw new NullPointerException("keyId");
        }
        if (keyId.isBlank()) {
            throw new MaskingKeyException("a masking key id must not be blank; name the key, for example \"pii\"");
        }
        return keyId;
    }

    /**
     * Refuses a key of the wrong size.
     *
     * @param keyId the key's id, for the message
     * @param key the key
     * @param source where it came from, for the message ("environment variable X", ...)
     * @param what what to do about it
     * @return the key
     * @throws MaskingKeyException if it has fewer than {@value #MIN} or more than {@value #MAX} bytes
     */
    public static byte[] checkSize(String keyId, byte[] key, String source, String what) {
        if (key.length < MIN || key.length > MAX) {
            throw new MaskingKeyException("masking key '" + keyId + "' from " + source + " has " + key.length
                    + " bytes; a masking key has " + MIN + " to " + MAX + " bytes (32 recommended); " + what);
        }
        return key;
    }
}
