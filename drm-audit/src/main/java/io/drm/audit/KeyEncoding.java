package io.drm.audit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * PEM armour (RFC 7468) and the Ed25519 algorithm identifier (RFC 8410), shared by the key
 * classes.
 *
 * <p>Every failure is an {@link AuditKeyException} whose message names what was being read and
 * what to supply instead. Messages never echo the input: at most the PEM type label, an algorithm
 * OID, a length or a file path appears in them.
 */
final class KeyEncoding {

    /** The Ed25519 algorithm, {@code id-Ed25519} of RFC 8410. */
    static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    /** The PEM type of a PKCS#8 private key. */
    static final String PRIVATE_KEY = "PRIVATE KEY";

    /** The PEM type of a SubjectPublicKeyInfo public key. */
    static final String PUBLIC_KEY = "PUBLIC KEY";

    /** The PEM type of an encrypted PKCS#8 private key. */
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

    /** Key files are a few hundred bytes; anything above this is the wrong file. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final Pattern SHOWABLE_LABEL = Pattern.compile("[A-Z0-9 ]{1,40}");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]*");

    /** Names of algorithms people are likely to supply by mistake, for messages. */
    private static final Map<String, String> KNOWN_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.10045.2.1", "EC",
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.3.101.113", "Ed448");

    private KeyEncoding() {
    }

    /**
     * Returns the DER bytes inside the first PEM block of {@code text}.
     *
     * @param text the PEM text; explanatory text before the BEGIN line and after the END line is
     *     ignored
     * @param expectedLabel the PEM type the block must have, {@link #PRIVATE_KEY} or
     *     {@link #PUBLIC_KEY}
     * @param what what is being read, for messages, for example {@code audit signing key}
     * @param hint what to supply instead, for messages
     * @return the decoded DER bytes, never empty
     * @throws NullPointerException if {@code text} is {@code null}
     * @throws AuditKeyException if the text is empty, not PEM, of another PEM type, cut off, or not
     *     Base64
     */
    static byte[] decodePem(String text, String expectedLabel, String what, String hint) {
        Objects.requireNonNull(text, "pem");
        if (text.isBlank()) {
            throw new AuditKeyException(what + " is empty; " + hint);
        }
        String[] lines = text.split("\\R", -1);
        int begin = -1;
        String label = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("-----BEGIN ")) {
                begin = i;
                label = labelOf(line, "-----BEGIN ");
                break;
            }
        }
        if (begin < 0) {
            throw new AuditKeyException(what + " is not PEM text (it has no '-----BEGIN " + expectedLabel
                    + "-----' line); " + hint);
        }
        if (label == null) {
            throw new AuditKeyException(what + " has a malformed '-----BEGIN ...-----' line; " + hint);
        }
        if (!label.equals(expectedLabel)) {
            throw wrongLabel(label, expectedLabel, what, hint);
        }
        String endLine = "-----END " + expectedLabel + "-----";
        StringBuilder body = new StringBuilder();
        boolean ended = false;
        for (int i = begin + 1; i < lines.length && !ended; i++) {
            String line = lines[i].strip();
            if (line.equals(endLine)) {
                ended = true;
            } else {
                body.append(line);
            }
        }
        if (!ended) {
            throw new AuditKeyException(what + " has no '" + endLine + "' line, so it is cut off or damaged; "
                    + hint);
        }
        if (body.length() == 0) {
            throw new AuditKeyException(what + " has nothing between its BEGIN and END lines; " + hint);
        }
        if (!BASE64_TEXT.matcher(body).matches()) {
            throw new AuditKeyException(what + " has characters that are not Base64 between its BEGIN and END"
                    + " lines; " + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            // No cause: the decoder's message may quote input characters.
            throw new AuditKeyException(what + " is not valid Base64 between its BEGIN and END lines (it is"
                    + " truncated or damaged); " + hint);
        }
        if (der.length == 0) {
            throw new AuditKeyException(what + " has nothing between its BEGIN and END lines; " + hint);
        }
        return der;
    }

    /**
     * Wraps DER bytes as PEM with 64-character lines, as OpenSSL writes it.
     *
     * @param label the PEM type, for example {@link #PUBLIC_KEY}
     * @param der the DER bytes
     * @return the PEM text, ending with a line break
     */
    static String encodePem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Reads a key file as UTF-8 text.
     *
     * @param path the file
     * @param what what is being read, for messages, including the path
     * @param hint what to supply instead, for messages
     * @return the file's text
     * @throws NullPointerException if {@code path} is {@code null}
     * @throws AuditKeyException if the file does not exist, cannot be read, is too large for a key
     *     or is not UTF-8 text
     */
    static String readKeyFile(Path path, String what, String hint) {
        Objects.requireNonNull(path, "path");
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new AuditKeyException(what + " has " + size + " bytes, far more than a key file; check the"
                        + " path; " + hint);
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AuditKeyException(what + " does not exist; check the path; " + hint, e);
        } catch (AccessDeniedException e) {
            throw new AuditKeyException(what + " cannot be read: permission denied; let the service's user read"
                    + " it", e);
        } catch (CharacterCodingException e) {
            throw new AuditKeyException(what + " is not UTF-8 text, so it is not a PEM file; if it holds binary"
                    + " DER, convert it with `openssl pkey -inform DER -in key.der -out key.pem`", e);
        } catch (IOException e) {
            // File system messages name the file and the reason, never the content.
            throw new AuditKeyException(what + " could not be read (" + e + "); " + hint, e);
        }
    }

    /** Parses the PEM text of a key; {@code what} names what is read, for messages. */
    interface PemParser<T> {
        T parse(String pem, String what);
    }

    /**
     * Reads a key file ({@link #readKeyFile}) and parses its PEM, with messages that name the file.
     *
     * @param path the file
     * @param what the kind of key, for example {@code audit public key}
     * @param hint what to supply instead, for messages
     * @param parser parses the text
     * @return the key
     * @throws NullPointerException if {@code path} is {@code null}
     * @throws AuditKeyException if the file cannot be read or the parser refuses its text
     */
    static <T> T parsePemFile(Path path, String what, String hint, PemParser<T> parser) {
        String file = what + " file '" + Objects.requireNonNull(path, "path") + "'";
        return parser.parse(readKeyFile(path, file, hint), file);
    }

    /**
     * Parses the DER of a PEM block as an ASN.1 structure.
     *
     * @param der the DER bytes
     * @param getInstance the structure's factory, for example {@code SubjectPublicKeyInfo::getInstance}
     * @param what what is being read, for messages
     * @param structure the structure's name, for messages, for example {@code PKCS#8 structure}
     * @param hint what to supply instead, for messages
     * @param withCause whether the parser's exception is kept as the cause (not for private keys: a
     *     parser's message about a private key's bytes has no place in a stack trace)
     * @return the structure
     * @throws AuditKeyException if the bytes are damaged or truncated DER of another structure
     */
    static <T> T parseDer(byte[] der, Function<ASN1Primitive, T> getInstance, String what, String structure,
            String hint, boolean withCause) {
        try {
            return getInstance.apply(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            String message = what + " does not hold a well-formed " + structure + " (the Base64 decodes to damaged"
                    + " or truncated DER); " + hint;
            throw withCause ? new AuditKeyException(message, e) : new AuditKeyException(message);
        }
    }

    /**
     * Checks that an algorithm identifier is Ed25519 without parameters, as RFC 8410 requires.
     *
     * @param algorithm the identifier from the key structure
     * @param what what is being read, for messages
     * @param kind the kind of key expected, for messages, for example {@code PKCS#8 private key}
     * @param hint what to supply instead, for messages
     * @throws AuditKeyException if it is another algorithm or has parameters
     */
    static void requireEd25519(AlgorithmIdentifier algorithm, String what, String kind, String hint) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!ED25519.equals(oid)) {
            throw new AuditKeyException(what + " is not an Ed25519 " + kind + " (found " + describe(oid) + "); "
                    + hint);
        }
        if (algorithm.getParameters() != null) {
            throw new AuditKeyException(what + " has parameters in its Ed25519 algorithm identifier, which RFC"
                    + " 8410 forbids; " + hint);
        }
    }

    private static String describe(ASN1ObjectIdentifier oid) {
        String id = oid.getId();
        String name = KNOWN_ALGORITHMS.get(id);
        return "algorithm OID " + id + (name == null ? "" : ", " + name);
    }

    private static String labelOf(String line, String prefix) {
        if (!line.endsWith("-----") || line.length() <= prefix.length() + 5) {
            return null;
        }
        return line.substring(prefix.length(), line.length() - 5);
    }

    private static AuditKeyException wrongLabel(String found, String expected, String what, String hint) {
        if (expected.equals(PRIVATE_KEY) && found.equals(ENCRYPTED_PRIVATE_KEY)) {
            return new AuditKeyException(what + " is an encrypted PKCS#8 key ('-----BEGIN " + ENCRYPTED_PRIVATE_KEY
                    + "-----'), which drm does not decrypt; write it out unencrypted with"
                    + " `openssl pkey -in encrypted.pem -out key.pem` and protect the file by its access rights");
        }
        if (expected.equals(PRIVATE_KEY) && found.equals(PUBLIC_KEY)) {
            return new AuditKeyException(what + " is a public key ('-----BEGIN " + PUBLIC_KEY + "-----'), but"
                    + " signing needs the private key; " + hint);
        }
        if (expected.equals(PUBLIC_KEY) && found.endsWith(PRIVATE_KEY) && SHOWABLE_LABEL.matcher(found).matches()) {
            return new AuditKeyException(what + " is a private key ('-----BEGIN " + found + "-----') where only the"
                    + " public key belongs; " + hint);
        }
        String shown = SHOWABLE_LABEL.matcher(found).matches()
                ? "'-----BEGIN " + found + "-----'"
                : "an unrecognised PEM type";
        String format = expected.equals(PRIVATE_KEY) ? "PKCS#8" : "SubjectPublicKeyInfo";
        return new AuditKeyException(what + " is " + shown + " but must be '-----BEGIN " + expected + "-----' ("
                + format + "); " + hint);
    }
}
