package io.drm.audit.internal;

import io.drm.audit.Checkpoint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JSON-lines log: its segments and its checkpoint file. */
public final class FileLogStore implements LogStore {

    private final LogFiles files;
    private final List<Path> segments;

    /**
     * @param active the active file of the log
     * @throws IOException if the directory cannot be listed
     */
    public FileLogStore(Path active) throws IOException {
        this.files = new LogFiles(active);
        this.segments = files.segments();
    }

    @Override
    public String name() {
        return files.active().getFileName().toString();
    }

    /** @return the segments, oldest first */
    public List<Path> segments() {
        return segments;
    }

    @Override
    public FileEntrySource entries() {
        return new FileEntrySource(segments);
    }

    @Override
    public List<byte[]> canonical(long fromSeq, int count, long hint) throws IOException {
        int segment = hint < 0 ? 0 : (int) (hint >>> 40);
        long offset = hint < 0 ? 0 : hint & ((1L << 40) - 1);
        List<byte[]> out = new ArrayList<>(count);
        EntryCodec codec = new EntryCodec();
        for (int s = segment; s < segments.size() && out.size() < count; s++) {
            try (InputStream in = Files.newInputStream(segments.get(s))) {
                if (s == segment) {
                    in.skipNBytes(offset);
                }
                try (LineReader lines = new LineReader(new BufferedInputStream(in, 1 << 16))) {
                    while (out.size() < count && lines.next()) {
                        EntryCodec.Parsed p = codec.quickCheck(lines.buffer(), 0, lines.length());
                        if (p == null) {
                            try {
                                p = codec.parse(lines.buffer(), 0, lines.length());
                            } catch (MalformedEntryException e) {
                                throw new IOException("entry " + (fromSeq + out.size()) + " is malformed");
                            }
                        }
                        if (p.seq() < fromSeq) {
                            continue;
                        }
                        if (p.seq() != fromSeq + out.size()) {
                            throw new IOException("entry " + (fromSeq + out.size()) + " is not where the index"
                                    + " found it; the log changed since it was indexed");
                        }
                        out.add(p.canonical() != null ? p.canonical()
                                : java.util.Arrays.copyOf(lines.buffer(), lines.length()));
                    }
                }
            }
        }
        if (out.size() != count) {
            throw new IOException("the log holds fewer entries than it did when indexed");
        }
        return out;
    }

    @Override
    public long hint(EntrySource source) {
        return ((FileEntrySource) source).hint();
    }

    /**
     * Encodes where an entry starts, for {@link #leafHashes}.
     *
     * @param segment segment index
     * @param offset byte offset in it
     * @return the hint
     */
    public static long hint(int segment, long offset) {
        return ((long) segment << 40) | offset;
    }

    @Override
    public List<Checkpoint> checkpoints() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.exists(files.checkpoints())) {
            return out;
        }
        try (LineReader lines = new LineReader(new BufferedInputStream(Files.newInputStream(files.checkpoints())))) {
            while (lines.next()) {
                String line = new String(lines.buffer(), 0, lines.length(), java.nio.charset.StandardCharsets.UTF_8);
                try {
                    out.add(Checkpoint.fromJson(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException("line at byte " + lines.lineOffset() + " of " + files.checkpoints()
                            .getFileName() + " is not a checkpoint", e);
                }
            }
        }
        return out;
    }
}
