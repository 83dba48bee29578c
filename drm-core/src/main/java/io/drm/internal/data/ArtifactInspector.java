package io.drm.internal.data;

import io.drm.ArtifactKeyException;
import io.drm.internal.Hashing;
import io.drm.spi.ArtifactDecryptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an artifact once at plan time: the SHA-256 of its bytes, the SHA-256 of its plaintext
 * (decrypting an encrypted file), its row count, and whether it parses. Streams; holds one row.
 */
public final class ArtifactInspector {

    /** Opens a file's bytes. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the file.
         *
         * @return its bytes from the first
         * @throws IOException if it cannot be read
         */
        InputStream open() throws IOException;
    }

    /**
     * The result.
     *
     * @param rawSha256 hex SHA-256 of the file's bytes
     * @param file what the file holds
     */
    public record Inspected(String rawSha256, ArtifactFile file) {
    }

    private ArtifactInspector() {
    }

    /**
     * Inspects an artifact.
     *
     * @param name what its name says
     * @param opener opens its bytes (called once, twice for an encrypted file)
     * @param decryptor the keyring, or {@code null}
     * @param where where it is, for messages
     * @return the hashes and row count
     * @throws ArtifactKeyException if the file is encrypted and there is no keyring
     * @throws io.drm.InvalidArtifactException if the file is malformed
     */
    public static Inspected inspect(ArtifactName name, Opener opener, ArtifactDecryptor decryptor, String where) {
        if (name.encrypted() && decryptor == null) {
            throw new ArtifactKeyException("the artifact " + where + " is encrypted but no keyring was configured, so"
                    + " drm can neither check nor load it. Pass the keyring with DataRelease.configure()"
                    + ".keyring(...). Nothing was written.");
        }
        try {
            String raw = null;
            if (name.encrypted()) {
                try (InputStream in = opener.open()) {
                    raw = drain(in, Hashing.sha256());
                }
            }
            MessageDigest digest = Hashing.sha256();
            long rows;
            List<String> columns = new java.util.ArrayList<>();
            try (InputStream in = plaintext(name, opener, decryptor);
                    DigestInputStream hashed = new DigestInputStream(in, digest)) {
                rows = count(name, hashed, where, columns);
                drain(hashed, null);
            }
            String plain = HexFormat.of().formatHex(digest.digest());
            return new Inspected(raw == null ? plain : raw, new ArtifactFile(name, plain, rows, Manifest.NONE, null,
                    columns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }

    /**
     * Opens an artifact's plaintext.
     *
     * @param name what its name says
     * @param opener opens its bytes
     * @param decryptor the keyring, or {@code null} for a plain file
     * @return the plaintext stream
     * @throws IOException if it cannot be read
     */
    public static InputStream plaintext(ArtifactName name, Opener opener, ArtifactDecryptor decryptor)
            throws IOException {
        InputStream in = opener.open();
        if (!name.encrypted()) {
            return in;
        }
        try {
            return decryptor.decryptingStream(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static long count(ArtifactName name, InputStream in, String where, List<String> columns)
            throws IOException {
        if (name.format().config()) {
            return ConfigDocuments.parse(name.format(), in.readAllBytes(), where).size();
        }
        if (name.format() == ArtifactName.Format.CSV) {
            return csvRows(in); // parsed in full by the plan-time check (ArtifactChecks) and by the load
        }
        try (RowReader reader = RowReader.open(name.format(), new NonClosing(in), where)) {
            long rows = 0;
            while (reader.next()) {
                rows++;
            }
            columns.addAll(reader.columns());
            return rows;
        }
    }

    /**
     * Counts a CSV's data rows without parsing it: records are line ends outside quotes, blank
     * lines do not count, the header is not a row.
     */
    static long csvRows(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long records = 0;
        boolean quoted = false;
        boolean content = false;
        for (int n; (n = in.read(buffer)) >= 0;) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    quoted = !quoted;
                    content = true;
                } else if (b == '\n' && !quoted) {
                    if (content) {
                        records++;
                    }
                    content = false;
                } else if (b != '\r') {
                    content = true;
                }
            }
        }
        if (content) {
            records++;
        }
        return Math.max(records - 1, 0);
    }

    private static String drain(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0;) {
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
        }
        return digest == null ? null : HexFormat.of().formatHex(digest.digest());
    }

    /** Keeps the parser from closing the stream the digest still reads. */
    static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the outer stream is closed by its owner
        }
    }
}
