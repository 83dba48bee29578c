package io.drm.masking.internal;

import io.drm.masking.KeyProvider;
import io.drm.masking.MaskingKeyException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Keys from environment variables {@code DRM_MASKING_KEY_<ID>}: the key id upper-cased with every
 * character other than an ASCII letter or digit replaced by {@code '_'}. A value is the base64
 * (standard or URL-safe alphabet, padding optional) or {@code hex:} and the hex digits of 16 to 64
 * bytes; white space around it is ignored. Values are read when a key is asked for. Thread-safe.
 */
public final class EnvironmentKeyProvider implements KeyProvider {

    /** Prefix of the variables. */
    public static final String PREFIX = "DRM_MASKING_KEY_";

    private static final String HOW = "set it to the base64 (or hex: and the hex digits) of 16 to 64 random bytes,"
            + " for example the output of: openssl rand -base64 32";

    private final Map<String, String> env;
    private final boolean system;

    /**
     * @param env the variables, copied; {@code null} for the process environment
     */
    public EnvironmentKeyProvider(Map<String, String> env) {
        this.system = env == null;
        this.env = env == null ? null : Map.copyOf(env);
    }

    /**
     * The variable that holds a key.
     *
     * @param keyId the key id
     * @return for example {@code DRM_MASKING_KEY_PII} for {@code "pii"} and
     *     {@code DRM_MASKING_KEY_CARD_2024} for {@code "card-2024"}
     */
    public static String variable(String keyId) {
        StringBuilder name = new StringBuilder(PREFIX.length() + keyId.length()).append(PREFIX);
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (c >= 'a' && c <= 'z') {
                name.append((char) (c - 'a' + 'A'));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                name.append(c);
            } else {
                name.append('_');
            }
        }
        return name.toString();
    }

    @Override
    public byte[] key(String keyId) {
        String variable = variable(KeySizes.checkId(keyId));
        String value = system ? System.getenv(variable) : env.get(variable);
        String source = "environment variable " + variable;
        if (value == null || value.isBlank()) {
            throw new MaskingKeyException("no masking key '" + keyId + "': " + source + " is "
                    + (value == null ? "not set" : "empty") + "; " + HOW);
        }
        byte[] key = decode(value.strip());
        if (key == null) {
            // No cause: decoder messages quote the offending character.
            throw new MaskingKeyException("masking key '" + keyId + "': " + source
                    + " is neither base64 nor hex: and hex digits; " + HOW);
        }
        return KeySizes.checkSize(keyId, key, source, HOW);
    }

    /** Base64 (either alphabet) or hex:..., or null when it is neither. */
    private static byte[] decode(String value) {
        try {
            if (value.regionMatches(true, 0, "hex:", 0, 4)) {
                return HexFormat.of().parseHex(value.substring(4));
            }
            boolean urlSafe = value.indexOf('-') >= 0 || value.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "KeyProvider.environment[" + PREFIX + "*" + (system ? "" : ", " + Objects.requireNonNull(env).size()
                + " variables given") + "]";
    }
}
