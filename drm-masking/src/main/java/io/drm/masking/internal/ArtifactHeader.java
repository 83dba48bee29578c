package io.drm.masking.internal;

import io.drm.masking.NotAnEncryptedArtifactException;
import io.drm.masking.UnsupportedFormatVersionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The header of an encrypted artifact, format version 1 (see docs/encryption.md):
 * magic {@code "DRME"}, version, segment size, nonce prefix, key id, wrapped data key. The first
 * {@value #FIXED_LENGTH} bytes never change for the life of an artifact and are the associated data
 * of every segment; the key id and the wrapped key change on rewrap and are authenticated by the
 * wrap itself.
 *
 * @param version the format version
 * @param segmentSize plaintext bytes in every segment but the last
 * @param noncePrefix the {@value #NONCE_PREFIX_LENGTH} random bytes that start every segment's nonce
 * @param keyId the id of the key-encryption key
 * @param wrappedKey the wrapped data key
 */
public record ArtifactHeader(int version, int segmentSize, byte[] noncePrefix, String keyId, byte[] wrappedKey) {

    /** The magic bytes: ASCII {@code "DRME"}. */
    static final byte[] MAGIC = {'D', 'R', 'M', 'E'};

    /** The only format version this code writes and reads. */
    public static final int VERSION = 1;

    /** Bytes of the nonce prefix. */
    public static final int NONCE_PREFIX_LENGTH = 7;

    /** Bytes of the immutable part: magic, version, segment size, nonce prefix. */
    public static final int FIXED_LENGTH = 4 + 1 + 4 + NONCE_PREFIX_LENGTH;

    /** Largest segment a header may name (so a hostile header cannot make a reader allocate much). */
    public static final int MAX_SEGMENT_SIZE = 16 << 20;

    /** Largest key id, in UTF-8 bytes. */
    public static final int MAX_KEY_ID_BYTES = 255;

    /** Validates and copies. */
    public ArtifactHeader {
        Objects.requireNonNull(keyId, "keyId");
        noncePrefix = noncePrefix.clone();
        wrappedKey = wrappedKey.clone();
        if (noncePrefix.length != NONCE_PREFIX_LENGTH) {
            throw new IllegalArgumentException("nonce prefix must have " + NONCE_PREFIX_LENGTH + " bytes");
        }
        if (segmentSize < 1 || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be 1 to " + MAX_SEGMENT_SIZE + " bytes");
        }
        int idBytes = keyId.getBytes(StandardCharsets.UTF_8).length;
        if (keyId.isBlank() || idBytes > MAX_KEY_ID_BYTES) {
            throw new IllegalArgumentException("a key id must be 1 to 255 UTF-8 bytes and not blank");
        }
        if (wrappedKey.length > 255) {
            throw new IllegalArgumentException("a wrapped key has at most 255 bytes");
        }
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** @return the same header under another key id and wrapped key */
    ArtifactHeader rewrapped(String newKeyId, byte[] newWrappedKey) {
        return new ArtifactHeader(version, segmentSize, noncePrefix, newKeyId, newWrappedKey);
    }

    /** @return the immutable part, the associated data of every segment */
    public byte[] fixedPart() {
        return ByteBuffer.allocate(FIXED_LENGTH).put(MAGIC).put((byte) version).putInt(segmentSize)
                .put(noncePrefix).array();
    }

    /** @return the associated data of the key wrap: the immutable part and the key id */
    byte[] wrapAad() {
        return wrapAad(fixedPart(), keyId);
    }

    static byte[] wrapAad(byte[] fixed, String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(fixed.length + 1 + id.length).put(fixed).put((byte) id.length).put(id).array();
    }

    /** @return the header's bytes */
    public byte[] toBytes() {
        byte[] aad = wrapAad();
        return ByteBuffer.allocate(aad.length + 1 + wrappedKey.length).put(aad).put((byte) wrappedKey.length)
                .put(wrappedKey).array();
    }

    /**
     * Reads a header from the start of a stream, consuming exactly its bytes.
     *
     * @param in the ciphertext
     * @param where what the stream is, for messages ("file x", "stream")
     * @return the header
     * @throws IOException if reading fails
     * @throws NotAnEncryptedArtifactException if the input is empty, has no magic, or is cut short
     * @throws UnsupportedFormatVersionException if the version is newer than {@value #VERSION}
     */
    public static ArtifactHeader read(InputStream in, String where) throws IOException {
        byte[] fixed = in.readNBytes(FIXED_LENGTH);
        if (fixed.length == 0) {
            throw new NotAnEncryptedArtifactException(where + " is empty; an encrypted artifact has at least a"
                    + " header and one segment; encrypt the artifact with ArtifactCipher.encrypt");
        }
        if (fixed.length < MAGIC.length + 1 || !Arrays.equals(fixed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NotAnEncryptedArtifactException(where + " is not a drm encrypted artifact (it does not start"
                    + " with the magic bytes DRME); encrypt it with ArtifactCipher.encrypt, or release it unencrypted");
        }
        int version = fixed[4] & 0xff;
        if (version > VERSION) {
            throw new UnsupportedFormatVersionException(where + " is in encrypted-artifact format version " + version
                    + "; this drm reads version " + VERSION + " only; upgrade drm to decrypt it");
        }
        if (version < 1) {
            throw malformed(where, "format version 0 does not exist");
        }
        if (fixed.length < FIXED_LENGTH) {
            throw malformed(where, "the header is cut short");
        }
        ByteBuffer b = ByteBuffer.wrap(fixed, 5, FIXED_LENGTH - 5);
        int segmentSize = b.getInt();
        if (segmentSize < 1 || segmentSize > MAX_SEGMENT_SIZE) {
            throw malformed(where, "the segment size is out of range");
        }
        byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
        b.get(prefix);
        String keyId = new String(field(in, where, "key id"), StandardCharsets.UTF_8);
        byte[] wrapped = field(in, where, "wrapped key");
        try {
            return new ArtifactHeader(version, segmentSize, prefix, keyId, wrapped);
        } catch (IllegalArgumentException e) {
            throw malformed(where, "the key id is blank");
        }
    }

    private static byte[] field(InputStream in, String where, String what) throws IOException {
        int n = in.read();
        if (n <= 0) {
            throw malformed(where, n < 0 ? "the header is cut short" : "the " + what + " is empty");
        }
        byte[] value = in.readNBytes(n);
        if (value.length < n) {
            throw malformed(where, "the header is cut short");
        }
        return value;
    }

    private static NotAnEncryptedArtifactException malformed(String where, String why) {
        return new NotAnEncryptedArtifactException(where + " has a malformed encrypted-artifact header (" + why
                + "); the file is damaged or not a drm encrypted artifact; restore it from its source");
    }

    /** @return the header's length in bytes */
    public int length() {
        return FIXED_LENGTH + 1 + keyId.getBytes(StandardCharsets.UTF_8).length + 1 + wrappedKey.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactHeader h && Arrays.equals(toBytes(), h.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "ArtifactHeader[version=" + version + ", segmentSize=" + segmentSize + ", keyId=" + keyId + "]";
    }

}
