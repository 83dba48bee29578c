package io.drm.testing;

import io.drm.ArtifactKeyException;
import io.drm.spi.ArtifactDecryptor;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A test-only "cipher": a header line {@code XOR1:<keyId>\n}, then every byte XOR-ed with the key's
 * byte. Enough to prove that drm streams plaintext through an {@link ArtifactDecryptor}; it is not
 * encryption.
 */
public final class XorDecryptor implements ArtifactDecryptor {

    private final Map<String, Integer> keys;

    /**
     * Creates a decryptor with keys.
     *
     * @param keys key id to key byte
     */
    public XorDecryptor(Map<String, Integer> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * Encrypts bytes under a key.
     *
     * @param keyId the key id
     * @param key the key byte
     * @param plaintext the bytes
     * @return the ciphertext with its header
     */
    public static byte[] encrypt(String keyId, int key, byte[] plaintext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("XOR1:" + keyId + "\n").getBytes(StandardCharsets.US_ASCII));
        for (byte b : plaintext) {
            out.write(b ^ key);
        }
        return out.toByteArray();
    }

    @Override
    public InputStream decryptingStream(InputStream ciphertext) throws IOException {
        StringBuilder header = new StringBuilder();
        for (int b; (b = ciphertext.read()) != '\n';) {
            if (b < 0 || header.length() > 100) {
                throw new ArtifactKeyException("not an XOR1 artifact");
            }
            header.append((char) b);
        }
        if (!header.toString().startsWith("XOR1:")) {
            throw new ArtifactKeyException("not an XOR1 artifact");
        }
        String keyId = header.substring(5);
        Integer key = keys.get(keyId);
        if (key == null) {
            throw new ArtifactKeyException("unknown key id " + keyId);
        }
        int k = key;
        return new FilterInputStream(ciphertext) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                return b < 0 ? b : (b ^ k) & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                for (int i = 0; i < n; i++) {
                    buf[off + i] ^= (byte) k;
                }
                return n;
            }
        };
    }
}
