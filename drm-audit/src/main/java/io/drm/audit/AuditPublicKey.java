package io.drm.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * An Ed25519 public key (RFC 8032) that verifies signed audit checkpoints.
 *
 * <p>Instances are immutable, thread-safe values: two keys are equal when their 32 raw bytes are
 * equal. A key is identified by its {@linkplain #keyId() key id}, the lower-case hex of the first 8
 * bytes of SHA-256 over the raw key.
 *
 * <p>Load one from the SubjectPublicKeyInfo PEM that {@code openssl pkey -in key.pem -pubout}
 * writes, or from the 32 raw bytes; or take it from {@link AuditSigningKey#publicKey()}.
 */
public final class AuditPublicKey {

    /** Length of a raw Ed25519 public key in bytes. */
    static final int KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    /** Length of an Ed25519 signature in bytes. */
    static final int SIGNATURE_LENGTH = 64;

    private static final String WHAT = "audit public key";
    private static final String HINT =
            "supply the public key PEM written by `openssl pkey -in key.pem -pubout` ('-----BEGIN PUBLIC KEY-----')";

    private final byte[] raw;
    private final Ed25519PublicKeyParameters parameters;
    private final String keyId;

    private AuditPublicKey(Ed25519PublicKeyParameters parameters) {
        this.parameters = parameters;
        this.raw = parameters.getEncoded();
        this.keyId = keyIdOf(raw);
    }

    /**
     * Reads a public key from SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), as
     * {@code openssl pkey -in key.pem -pubout} writes it.
     *
     * @param spkiPem the PEM text; text before the BEGIN line and after the END line is ignored
     * @return the public key
     * @throws NullPointerException if {@code spkiPem} is {@code null}
     * @throws AuditKeyException if the text is not a PEM public key, is damaged, holds a key of
     *     another algorithm or an invalid Ed25519 point, or is a private key
     */
    public static AuditPublicKey fromPem(String spkiPem) {
        return parsePem(spkiPem, WHAT);
    }

    /**
     * Reads a public key from a SubjectPublicKeyInfo PEM file in UTF-8.
     *
     * @param path the file
     * @return the public key
     * @throws NullPointerException if {@code path} is {@code null}
     * @throws AuditKeyException if the file cannot be read or does not hold an Ed25519 public key
     *     PEM; the message names the file
     */
    public static AuditPublicKey fromPemFile(Path path) {
        return KeyEncoding.parsePemFile(path, WHAT, HINT, AuditPublicKey::parsePem);
    }

    /**
     * Creates a public key from its 32 raw bytes (the encoding of RFC 8032, section 5.1.2).
     *
     * @param raw32 the raw public key; it is copied
     * @return the public key
     * @throws NullPointerException if {@code raw32} is {@code null}
     * @throws AuditKeyException if {@code raw32} is not 32 bytes long or is not a valid Ed25519 point
     */
    public static AuditPublicKey fromRaw(byte[] raw32) {
        Objects.requireNonNull(raw32, "raw32");
        byte[] copy = raw32.clone();
        if (copy.length != KEY_LENGTH) {
            throw new AuditKeyException("a raw Ed25519 public key has " + KEY_LENGTH + " bytes, got " + copy.length
                    + "; supply the 32-byte key, or use fromPem for a PEM public key");
        }
        return new AuditPublicKey(point(copy, "raw public key", "supply a key made with"
                + " `openssl genpkey -algorithm ed25519` or AuditSigningKey.generate"));
    }

    /** Wraps the public half of a private key; the parameters come from Bouncy Castle and are valid. */
    static AuditPublicKey of(Ed25519PublicKeyParameters parameters) {
        return new AuditPublicKey(parameters);
    }

    /**
     * Returns the 32 raw bytes of the key.
     *
     * @return a new copy of the raw key
     */
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * Returns the key as SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}) with 64
     * character lines, in the form {@code openssl pkey -pubout} writes; {@link #fromPem} reads it
     * back.
     *
     * @return the PEM text, ending with a line break
     */
    public String toPem() {
        SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(KeyEncoding.ED25519), raw);
        try {
            return KeyEncoding.encodePem(KeyEncoding.PUBLIC_KEY, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException("encoding an in-memory public key failed", e);
        }
    }

    /**
     * Returns the key id: the lower-case hex of the first 8 bytes of SHA-256 over the 32 raw key
     * bytes.
     *
     * @return the key id, 16 hex characters
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Tells whether {@code signature} is a valid Ed25519 signature of {@code message} by this key.
     * This method never throws: a {@code null} argument, a signature that is not 64 bytes long and
     * a signature that does not verify all give {@code false}.
     *
     * @param message the signed bytes
     * @param signature the 64-byte signature
     * @return {@code true} if the signature is valid
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, parameters);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Two public keys are equal when their raw bytes are equal.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is an {@code AuditPublicKey} with the same raw bytes
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AuditPublicKey && Arrays.equals(raw, ((AuditPublicKey) other).raw);
    }

    /**
     * Returns a hash code of the raw bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    /**
     * Returns {@code AuditPublicKey[keyId=...]}.
     *
     * @return the key id in brackets
     */
    @Override
    public String toString() {
        return "AuditPublicKey[keyId=" + keyId + "]";
    }

    private static AuditPublicKey parsePem(String pem, String what) {
        byte[] der = KeyEncoding.decodePem(pem, KeyEncoding.PUBLIC_KEY, what, HINT);
        SubjectPublicKeyInfo info = KeyEncoding.parseDer(der, SubjectPublicKeyInfo::getInstance, what,
                "SubjectPublicKeyInfo", HINT, true);
        KeyEncoding.requireEd25519(info.getAlgorithm(), what, "public key", HINT);
        ASN1BitString bits = info.getPublicKeyData();
        if (bits.getPadBits() != 0) {
            throw new AuditKeyException(what + " holds a public key that is not a whole number of bytes; " + HINT);
        }
        int length = bits.getOctets().length;
        if (length != KEY_LENGTH) {
            throw new AuditKeyException(what + " holds a public key of " + length + " bytes where Ed25519 has "
                    + KEY_LENGTH + "; " + HINT);
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw invalidPoint(what, HINT, e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters)) {
            throw new AuditKeyException(what + " is not an Ed25519 public key; " + HINT);
        }
        return new AuditPublicKey((Ed25519PublicKeyParameters) key);
    }

    private static Ed25519PublicKeyParameters point(byte[] raw32, String what, String hint) {
        try {
            return new Ed25519PublicKeyParameters(raw32, 0);
        } catch (RuntimeException e) {
            throw invalidPoint(what, hint, e);
        }
    }

    private static AuditKeyException invalidPoint(String what, String hint, Exception cause) {
        return new AuditKeyException(what + " is not a valid Ed25519 public key (its 32 bytes do not encode a"
                + " usable curve point); " + hint, cause);
    }

    private static String keyIdOf(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
