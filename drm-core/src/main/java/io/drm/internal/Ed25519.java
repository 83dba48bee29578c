package io.drm.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Ed25519 signatures (the JDK's own) over a canonical JSON payload, base64 encoded: one piece for
 * attestations and approvals.
 */
public final class Ed25519 {

    /** The JCA name of the algorithm, as written in signed documents. */
    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /**
     * Signs a payload.
     *
     * @param key an Ed25519 private key
     * @param payload the text to sign (its UTF-8 bytes)
     * @return the signature, base64
     * @throws GeneralSecurityException if the key is not an Ed25519 private key
     */
    public static String sign(PrivateKey key, String payload) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(payload.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /**
     * Tells whether a base64 signature is a valid signature by a key over a payload.
     *
     * @param key the public key; a key of another algorithm is not valid
     * @param payload the signed text
     * @param signature the signature, base64; a malformed one is not valid
     * @return {@code true} only for a valid signature by that key
     */
    public static boolean verifies(PublicKey key, String payload, String signature) {
        try {
            byte[] sig = Base64.getDecoder().decode(signature);
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // not an Ed25519 key, or a malformed signature: not a valid signature by this key
        }
    }
}
