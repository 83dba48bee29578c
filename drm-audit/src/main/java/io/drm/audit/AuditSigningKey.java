package io.drm.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * An Ed25519 private key (RFC 8032) that signs audit checkpoints.
 *
 * <p>Load one from the unencrypted PKCS#8 PEM that {@code openssl genpkey -algorithm ed25519}
 * writes ({@link #fromPem}, {@link #fromPemFile}), from its 32-byte seed ({@link #fromSeed}), or
 * create a new one with {@link #generate}. Verifiers need only its {@link #publicKey()}.
 *
 * <p>Instances are immutable and thread-safe; {@link #sign} may be called from many threads at
 * once. The key material never leaves the instance: {@link #toString()} shows only the key id,
 * error messages never quote key material, and nothing here logs. Equality is identity; compare
 * {@link #keyId()}s to tell whether two instances hold the same key.
 */
public final class AuditSigningKey {

    /** Length of an Ed25519 private key (the seed of RFC 8032, section 5.1.5) in bytes. */
    static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

    private static final String WHAT = "audit signing key";
    private static final String HINT =
            "supply an unencrypted PKCS#8 key ('-----BEGIN PRIVATE KEY-----') made with"
                    + " `openssl genpkey -algorithm ed25519`";

    private final Ed25519PrivateKeyParameters privateKey;
    private final AuditPublicKey publicKey;

    private AuditSigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = AuditPublicKey.of(privateKey.generatePublicKey());
    }

    /**
     * Reads a private key from unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) holding
     * an Ed25519 key (OID 1.3.101.112), as {@code openssl genpkey -algorithm ed25519} writes it.
     * A PKCS#8 version 2 key that also carries its public key is accepted when that public key
     * belongs to the private key.
     *
     * @param pkcs8Pem the PEM text; text before the BEGIN line and after the END line is ignored
     * @return the signing key
     * @throws NullPointerException if {@code pkcs8Pem} is {@code null}
     * @throws AuditKeyException if the text is empty or not PEM, is an encrypted key, a public key
     *     or a key of another algorithm, is truncated or damaged, or holds a key of the wrong length;
     *     the message never quotes the input
     */
    public static AuditSigningKey fromPem(String pkcs8Pem) {
        return parsePem(pkcs8Pem, WHAT);
    }

    /**
     * Reads a private key from a PKCS#8 PEM file in UTF-8; see {@link #fromPem}.
     *
     * @param path the file
     * @return the signing key
     * @throws NullPointerException if {@code path} is {@code null}
     * @throws AuditKeyException if the file cannot be read or does not hold an unencrypted Ed25519
     *     PKCS#8 PEM key; the message names the file and never quotes its content
     */
    public static AuditSigningKey fromPemFile(Path path) {
        return KeyEncoding.parsePemFile(path, WHAT, HINT, AuditSigningKey::parsePem);
    }

    /**
     * Creates a signing key from its 32-byte seed, the private key of RFC 8032, section 5.1.5.
     *
     * @param seed the 32-byte seed; it is copied, and later changes to the array do not affect the
     *     key
     * @return the signing key
     * @throws NullPointerException if {@code seed} is {@code null}
     * @throws AuditKeyException if {@code seed} is not exactly 32 bytes long
     */
    public static AuditSigningKey fromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        byte[] copy = seed.clone();
        try {
            if (copy.length != SEED_LENGTH) {
                throw new AuditKeyException("an Ed25519 seed has exactly " + SEED_LENGTH + " bytes, got "
                        + copy.length + "; supply the 32-byte private key of RFC 8032, or use fromPem for a"
                        + " PKCS#8 PEM key");
            }
            return new AuditSigningKey(new Ed25519PrivateKeyParameters(copy, 0));
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * Creates a new random signing key, for tests and for first-time setup. To keep it, write its
     * seed or a PKCS#8 PEM somewhere safe with other tools; this class has no way to export the
     * private key. In production prefer {@code openssl genpkey -algorithm ed25519}.
     *
     * @param random the source of randomness, for example {@code new SecureRandom()}
     * @return the new signing key
     * @throws NullPointerException if {@code random} is {@code null}
     */
    public static AuditSigningKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new AuditSigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Returns the public key that verifies this key's signatures.
     *
     * @return the public key
     */
    public AuditPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Returns the key id, the same as {@link AuditPublicKey#keyId()} of {@link #publicKey()}.
     *
     * @return the key id, 16 lower-case hex characters
     */
    public String keyId() {
        return publicKey.keyId();
    }

    /**
     * Signs a message with pure Ed25519 (RFC 8032, section 5.1.6). Signatures are deterministic:
     * the same key and message always give the same signature. Safe to call from many threads at
     * once.
     *
     * @param message the bytes to sign
     * @return the 64-byte signature
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * Returns {@code AuditSigningKey[keyId=...]}; never the key material.
     *
     * @return the key id in brackets
     */
    @Override
    public String toString() {
        return "AuditSigningKey[keyId=" + keyId() + "]";
    }

    private static AuditSigningKey parsePem(String pem, String what) {
        byte[] der = KeyEncoding.decodePem(pem, KeyEncoding.PRIVATE_KEY, what, HINT);
        byte[] seed = null;
        try {
            // Parser failures are reported without their cause: a parser's message about a private
            // key's bytes has no place in a stack trace.
            PrivateKeyInfo info = KeyEncoding.parseDer(der, PrivateKeyInfo::getInstance, what, "PKCS#8 structure",
                    HINT, false);
            KeyEncoding.requireEd25519(info.getPrivateKeyAlgorithm(), what, "PKCS#8 private key", HINT);
            try {
                seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            } catch (IOException | RuntimeException e) {
                throw new AuditKeyException(what + " has no Ed25519 private key inside its PKCS#8 structure"
                        + " (RFC 8410 puts it in an OCTET STRING of 32 bytes); " + HINT);
            }
            if (seed.length != SEED_LENGTH) {
                throw new AuditKeyException(what + " holds a private key of " + seed.length + " bytes where"
                        + " Ed25519 has " + SEED_LENGTH + "; " + HINT);
            }
            AsymmetricKeyParameter key;
            try {
                key = PrivateKeyFactory.createKey(info);
            } catch (IOException | RuntimeException e) {
                throw new AuditKeyException(what + " could not be read as an Ed25519 private key; " + HINT);
            }
            if (!(key instanceof Ed25519PrivateKeyParameters)) {
                throw new AuditKeyException(what + " is not an Ed25519 private key; " + HINT);
            }
            AuditSigningKey signingKey = new AuditSigningKey((Ed25519PrivateKeyParameters) key);
            if (info.hasPublicKey() && !belongs(info.getPublicKeyData(), signingKey.publicKey)) {
                throw new AuditKeyException(what + " carries a public key that does not belong to its private"
                        + " key, so it is damaged or was put together from two keys; " + HINT);
            }
            return signingKey;
        } finally {
            Arrays.fill(der, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    private static boolean belongs(ASN1BitString publicKeyData, AuditPublicKey derived) {
        return publicKeyData.getPadBits() == 0 && Arrays.equals(publicKeyData.getOctets(), derived.raw());
    }
}
