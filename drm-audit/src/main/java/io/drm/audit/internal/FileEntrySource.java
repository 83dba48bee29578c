package io.drm.audit.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Streams the entries of JSON-lines segments in order. */
public final class FileEntrySource implements EntrySource {

    private final List<Path> segments;
    private final EntryCodec codec = new EntryCodec();
    private int segment = -1;
    private LineReader reader;
    private long lineNo;
    private long position;
    private byte[] torn;

    /** @param segments the files, oldest first */
    public FileEntrySource(List<Path> segments) {
        this.segments = List.copyOf(segments);
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (reader == null) {
                if (++segment >= segments.size()) {
                    return null;
                }
                reader = new LineReader(new BufferedInputStream(Files.newInputStream(segments.get(segment)), 1 << 16));
                lineNo = 0;
            }
            if (reader.next()) {
                lineNo++;
                position++;
                String location = segments.get(segment).getFileName() + ":" + lineNo;
                EntryCodec.Parsed quick = codec.quickCheck(reader.buffer(), 0, reader.length());
                if (quick != null) {
                    return new Item(location, position, quick, null, -1);
                }
                try {
                    return new Item(location, position, codec.parse(reader.buffer(), 0, reader.length()), null, -1);
                } catch (MalformedEntryException e) {
                    return new Item(location, position, null, e.getMessage(), -1);
                }
            }
            if (reader.torn()) {
                torn = reader.tornBytes();
            }
            reader.close();
            reader = null;
        }
    }

    /** @return where the entry last returned starts, as a {@link FileLogStore#hint} */
    public long hint() {
        return FileLogStore.hint(segment, reader.lineOffset());
    }

    @Override
    public byte[] entryBytes() {
        return reader == null ? null : Arrays.copyOf(reader.buffer(), reader.length());
    }

    @Override
    public byte[] torn() {
        return torn;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
