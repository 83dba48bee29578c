package io.drm.masking;

import io.drm.masking.internal.ArtifactHeader;
import io.drm.masking.internal.DecryptingStream;
import io.drm.masking.internal.KeyWrap;
import io.drm.masking.internal.SegmentEncryptor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming envelope encryption of artifacts (files and streams of any size) in constant memory,
 * after Tink's streaming AEAD: a fresh random AES-256 data key per artifact, wrapped (AES-256-GCM)
 * by the keyring's primary key; the data in segments of AES-256-GCM whose nonces bind the segment
 * number and a last-segment flag. Truncation (also exactly at a segment boundary), reordering,
 * splicing and any flipped bit are detected, and no plaintext of a segment is released before that
 * segment authenticates. The format is in docs/encryption.md. Immutable and thread-safe.
 *
 * <pre>{@code
 * ArtifactCipher cipher = ArtifactCipher.of(Keyring.of(KeyProvider.environment(), "artifacts"));
 * cipher.encrypt(Path.of("patients.csv"), Path.of("V3__patients.csv.enc"));
 * try (InputStream plain = cipher.decryptingStream(Files.newInputStream(Path.of("V3__patients.csv.enc")))) {
 *     plain.transferTo(System.out);
 * }
 * }</pre>
 */
public final class ArtifactCipher {

    /** Plaintext bytes per segment: 1 MiB (see docs/encryption.md for why). */
    public static final int DEFAULT_SEGMENT_SIZE = 1 << 20;

    private static final int IO_BUFFER = 64 << 10;

    private final Keyring keyring;
    private final int segmentSize;
    private final SecureRandom random;

    ArtifactCipher(Keyring keyring, int segmentSize, SecureRandom random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        if (segmentSize < 1 || segmentSize > ArtifactHeader.MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be 1 to " + ArtifactHeader.MAX_SEGMENT_SIZE);
        }
        this.segmentSize = segmentSize;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param keyring the keys: the primary encrypts and rewraps, all decrypt
     * @return a cipher with {@value #DEFAULT_SEGMENT_SIZE}-byte segments and a {@link SecureRandom}
     * @throws NullPointerException if {@code keyring} is null
     */
    public static ArtifactCipher of(Keyring keyring) {
        return new ArtifactCipher(keyring, DEFAULT_SEGMENT_SIZE, new SecureRandom());
    }

    /** For tests: the same cipher with smaller segments. */
    ArtifactCipher withSegmentSize(int size) {
        return new ArtifactCipher(keyring, size, random);
    }

    /** @return the keyring */
    public Keyring keyring() {
        return keyring;
    }

    /**
     * Encrypts a stream under the primary key: header, then segments.
     *
     * @param plaintext read to its end; not closed
     * @param ciphertext where the encrypted artifact goes; flushed, not closed
     * @throws IOException if reading or writing fails
     * @throws NullPointerException if an argument is null
     */
    public void encrypt(InputStream plaintext, OutputStream ciphertext) throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try {
            byte[] prefix = new byte[ArtifactHeader.NONCE_PREFIX_LENGTH];
            random.nextBytes(prefix);
            ArtifactHeader header = header(prefix, dataKey);
            ciphertext.write(header.toBytes());
            SegmentEncryptor.encrypt(plaintext, ciphertext, header, dataKey);
            ciphertext.flush();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private ArtifactHeader header(byte[] prefix, byte[] dataKey) {
        String keyId = keyring.primaryKeyId();
        ArtifactHeader unwrapped = new ArtifactHeader(ArtifactHeader.VERSION, segmentSize, prefix, keyId, new byte[0]);
        return rewrapHeader(unwrapped, dataKey);
    }

    private ArtifactHeader rewrapHeader(ArtifactHeader h, byte[] dataKey) {
        String keyId = keyring.primaryKeyId();
        ArtifactHeader named = new ArtifactHeader(h.version(), h.segmentSize(), h.noncePrefix(), keyId, new byte[0]);
        byte[] aad = Arrays.copyOf(named.toBytes(), named.toBytes().length - 1);
        byte[] wrapped = KeyWrap.wrap(keyring.primaryKey(), dataKey, aad, random);
        return new ArtifactHeader(h.version(), h.segmentSize(), h.noncePrefix(), keyId, wrapped);
    }

    /**
     * Encrypts a file. The target is written beside itself under a temporary name and moved into
     * place only when complete, so a failure leaves no partial target.
     *
     * @param plaintext the file to encrypt
     * @param ciphertext the encrypted file to write (replaced if it exists)
     * @throws IOException if reading or writing fails
     * @throws NullPointerException if an argument is null
     */
    public void encrypt(Path plaintext, Path ciphertext) throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(ciphertext, "ciphertext");
        try (InputStream in = Files.newInputStream(plaintext)) {
            writeAtomically(ciphertext, out -> encrypt(in, out));
        }
    }

    /**
     * Decrypts a stream. Plaintext is written a segment at a time, each after it authenticates; if
     * a later segment fails, the earlier segments' plaintext has been written already (use
     * {@link #decrypt(Path, Path)} for all or nothing).
     *
     * @param ciphertext the encrypted artifact; read to its end, not closed
     * @param plaintext where the plaintext goes; flushed, not closed
     * @throws IOException if reading or writing fails
     * @throws NotAnEncryptedArtifactException if the input is empty or not an encrypted artifact
     * @throws UnsupportedFormatVersionException if it is of a newer format version
     * @throws UnknownKeyIdException if its key id is not in the keyring
     * @throws KeyUnwrapException if its data key does not authenticate under the key of that id
     * @throws IntegrityException if a segment fails (altered, truncated, reordered, spliced)
     */
    public void decrypt(InputStream ciphertext, OutputStream plaintext) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(plaintext, "plaintext");
        InputStream in = open(ciphertext, "the encrypted stream", false);
        in.transferTo(plaintext);
        plaintext.flush();
    }

    /**
     * Decrypts a file, all or nothing: the plaintext is written beside the target under a temporary
     * name, moved into place only when every segment has authenticated, and deleted otherwise.
     *
     * @param ciphertext the encrypted file
     * @param plaintext the file to write (replaced if it exists)
     * @throws IOException if reading or writing fails
     * @throws NotAnEncryptedArtifactException if the file is empty or not an encrypted artifact
     * @throws UnsupportedFormatVersionException if it is of a newer format version
     * @throws UnknownKeyIdException if its key id is not in the keyring
     * @throws KeyUnwrapException if its data key does not authenticate under the key of that id
     * @throws IntegrityException if a segment fails (altered, truncated, reordered, spliced)
     */
    public void decrypt(Path ciphertext, Path plaintext) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(plaintext, "plaintext");
        try (InputStream raw = Files.newInputStream(ciphertext);
                InputStream in = open(raw, "encrypted file " + ciphertext, false)) {
            writeAtomically(plaintext, out -> in.transferTo(out));
        }
    }

    /**
     * A stream of the plaintext for readers that consume it as it arrives. The header is read and
     * the data key unwrapped now; each segment's plaintext is released only after it authenticates.
     *
     * @param ciphertext the encrypted artifact from its first byte; closed with the returned stream
     * @return the plaintext stream; its {@code read} throws {@link IntegrityException} at a failing
     *     segment, releasing none of its bytes
     * @throws IOException if reading the header fails
     * @throws NotAnEncryptedArtifactException if the input is empty or not an encrypted artifact
     * @throws UnsupportedFormatVersionException if it is of a newer format version
     * @throws UnknownKeyIdException if its key id is not in the keyring
     * @throws KeyUnwrapException if its data key does not authenticate under the key of that id
     */
    public InputStream decryptingStream(InputStream ciphertext) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return open(ciphertext, "the encrypted stream", true);
    }

    private InputStream open(InputStream raw, String where, boolean closeOnFailure) throws IOException {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, IO_BUFFER);
        try {
            ArtifactHeader header = ArtifactHeader.read(in, where);
            byte[] dataKey = unwrap(header, where);
            try {
                return new DecryptingStream(in, header, dataKey, where);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        } catch (RuntimeException | IOException e) {
            if (closeOnFailure) {
                try {
                    raw.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private byte[] unwrap(ArtifactHeader header, String where) {
        byte[] kek = keyring.key(header.keyId());
        if (kek == null) {
            throw new UnknownKeyIdException(where + " is encrypted under key id '" + header.keyId()
                    + "', which " + keyring + " does not list; add that key to the keyring (Keyring.of(provider, "
                    + "primary, \"" + header.keyId() + "\"))");
        }
        byte[] bytes = header.toBytes();
        byte[] aad = Arrays.copyOf(bytes, bytes.length - 1 - header.wrappedKey().length);
        byte[] dataKey = KeyWrap.unwrap(kek, header.wrappedKey(), aad);
        if (dataKey == null || dataKey.length != 32) {
            throw new KeyUnwrapException(where + ": its data key does not authenticate under the keyring's key '"
                    + header.keyId() + "': the key under that id is not the one it was encrypted with, or the header"
                    + " was altered; supply the right key for that id");
        }
        return dataKey;
    }

    /**
     * Moves an encrypted file to the keyring's current primary key: re-wraps its data key and
     * rewrites only the header's key id and wrapped key; the segments' bytes are copied unchanged
     * (no data is decrypted or re-encrypted, so it costs a file copy, not a re-encryption). The new
     * file replaces the old one atomically. The segments are not verified (decrypt does that).
     *
     * @param artifact the encrypted file
     * @return {@code true} if it was rewrapped, {@code false} if it already was under the primary
     * @throws IOException if reading or writing fails
     * @throws NotAnEncryptedArtifactException if the file is empty or not an encrypted artifact
     * @throws UnsupportedFormatVersionException if it is of a newer format version
     * @throws UnknownKeyIdException if its key id is not in the keyring
     * @throws KeyUnwrapException if its data key does not authenticate under the key of that id
     */
    public boolean rewrap(Path artifact) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        String where = "encrypted file " + artifact;
        ArtifactHeader old;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(artifact), 1024)) {
            old = ArtifactHeader.read(in, where);
        }
        byte[] dataKey = unwrap(old, where);
        try {
            if (old.keyId().equals(keyring.primaryKeyId())) {
                return false;
            }
            byte[] header = rewrapHeader(old, dataKey).toBytes();
            try (FileChannel source = FileChannel.open(artifact, StandardOpenOption.READ)) {
                writeAtomically(artifact, out -> {
                    out.write(header);
                    out.flush();
                    source.position(old.length());
                    source.transferTo(old.length(), source.size() - old.length(), java.nio.channels.Channels.newChannel(out));
                });
            }
            return true;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), IO_BUFFER)) {
                writer.write(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public String toString() {
        return "ArtifactCipher[" + keyring + ", segmentSize=" + segmentSize + "]";
    }
}
