package io.drm.masking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A key provider with fixed keys, and the forms a leaked key could take in a message. */
final class TestKeys implements KeyProvider {

    static final byte[] PII = "pii-key-0123456789abcdef-0123456".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PCI = "pci-key-fedcba9876543210-6543210".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, byte[]> keys;

    private TestKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /** @return keys "pii" and "pci" */
    static TestKeys standard() {
        return new TestKeys(Map.of("pii", PII, "pci", PCI));
    }

    @Override
    public byte[] key(String keyId) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new MaskingKeyException("no key '" + keyId + "' in the test key store; add it");
        }
        return key.clone();
    }

    /** @return every way the test keys could appear in text */
    static String[] leakedForms() {
        List<String> forms = new ArrayList<>();
        for (byte[] key : List.of(PII, PCI)) {
            forms.add(new String(key, StandardCharsets.US_ASCII));
            forms.add(new String(key, StandardCharsets.US_ASCII).substring(0, 12));
            forms.add(HexFormat.of().formatHex(key).substring(0, 16));
            forms.add(Base64.getEncoder().encodeToString(key).substring(0, 16));
            forms.add(Arrays.toString(key).substring(0, 20));
        }
        return forms.toArray(new String[0]);
    }
}
