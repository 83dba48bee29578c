package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drm.DrmException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Keys, PEM text and leak checks shared by the key tests. */
final class TestKeys {

    /**
     * A test-only Ed25519 key, made with {@code openssl genpkey -algorithm ed25519}. It signs
     * nothing outside these tests.
     */
    static final String OPENSSL_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEICk1TRllwslFOkJmHJxcaIKN47dr+7N8UklLrPHyzc3m
            -----END PRIVATE KEY-----
            """;

    /** The public key of {@link #OPENSSL_PRIVATE_PEM}, as {@code openssl pkey -pubout} wrote it. */
    static final String OPENSSL_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAqAY7e/CjWw0om5QUebVOKG1VGOFopjZpUjRS/MflRvA=
            -----END PUBLIC KEY-----
            """;

    /** The seed inside {@link #OPENSSL_PRIVATE_PEM}, as {@code openssl pkey -text} shows it. */
    static final String OPENSSL_SEED_HEX = "29354d1965c2c9453a42661c9c5c68828de3b76bfbb37c52494bacf1f2cdcde6";

    /** The raw public key of {@link #OPENSSL_PRIVATE_PEM}, as {@code openssl pkey -text} shows it. */
    static final String OPENSSL_PUBLIC_HEX = "a8063b7bf0a35b0d289b941479b54e286d5518e168a63669523452fcc7e546f0";

    /**
     * The key id of {@link #OPENSSL_PRIVATE_PEM}: the first 16 hex digits of
     * {@code openssl pkey -pubout -outform DER | tail -c 32 | sha256sum}.
     */
    static final String OPENSSL_KEY_ID = "4b26168fc8fb99ca";

    /** A message signed with {@code openssl pkeyutl -sign -rawin} and {@link #OPENSSL_PRIVATE_PEM}. */
    static final String OPENSSL_MESSAGE = "checkpoint 42";

    /** OpenSSL's signature of {@link #OPENSSL_MESSAGE}. */
    static final String OPENSSL_SIGNATURE_HEX = "5aa88948dca76b619e68046bc76f8da1edf862fd9a8f06cfdc3d20322dd69d59"
            + "cb3fb7f4ade5a888db4dc645d24572e39e180c79f9a62b9d6dfc44a989d15d07";

    /**
     * A test-only Ed25519 key encrypted with {@code openssl genpkey -algorithm ed25519 -aes-256-cbc}
     * (passphrase {@code not-a-real-passphrase}).
     */
    static final String OPENSSL_ENCRYPTED_PEM = """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgrI6bzGp3pAQICCAAw
            DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEJ8uT8sqHgXNF4VtMaKwHJUEQFq4
            bJ/M35+u8wIIVHm7K9d0S2vcJk9kASKXwMcVn6Csu5wpSdvlYHJzUqp8gJlF2INH
            Ll3zoQidaKDqLE3kjQU=
            -----END ENCRYPTED PRIVATE KEY-----
            """;

    /** Length of the input fragments that must not appear in messages. */
    private static final int FRAGMENT = 8;

    private TestKeys() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Wraps DER as PEM with 64-character lines, independently of the code under test. */
    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The Base64 text between the BEGIN and END lines, without line breaks. */
    static String body(String pem) {
        return pem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    }

    /** The DER bytes of a PEM block, decoded independently of the code under test. */
    static byte[] der(String pem) {
        return Base64.getDecoder().decode(body(pem));
    }

    static KeyPair jdkKeyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (algorithm.equals("RSA")) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /**
     * Runs {@code call}, expects a DRM-AUDIT-001 {@link AuditKeyException}, and checks that neither
     * its message nor its stack trace (causes included) holds any fragment of the given secrets.
     *
     * @return the exception, for further checks
     */
    static AuditKeyException refusedWithoutLeaking(ThrowingCallable call, String... secrets) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AuditKeyException.class);
        AuditKeyException e = (AuditKeyException) thrown;
        assertThat(e.code()).isEqualTo(AuditKeyException.CODE);
        assertThat(e.code().id()).isEqualTo("DRM-AUDIT-001");
        assertThat(((DrmException) e).getMessage()).startsWith("DRM-AUDIT-001: ");
        String trace = stackText(e);
        for (String secret : secrets) {
            assertNoFragment(e.getMessage(), secret);
            assertNoFragment(trace, secret);
        }
        return e;
    }

    /** Asserts that no {@value #FRAGMENT}-character piece of {@code secret} occurs in {@code text}. */
    static void assertNoFragment(String text, String secret) {
        for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
            String piece = secret.substring(i, i + FRAGMENT);
            assertThat(text).as("text holds input fragment at %d", i).doesNotContain(piece);
        }
    }

    static String stackText(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
