package io.drm.audit.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

/**
 * Streams the entries of JSON-lines segments in order.
 *
 * <p>The calling thread reads lines in chunks of {@value #CHUNK_LINES}; the entries of each chunk
 * are hashed and checked ({@link EntryCodec#quickCheck}, else {@link EntryCodec#parse}) by a small
 * pool of worker threads, at most {@value #WINDOW} chunks ahead, and handed out in file order. So
 * verification uses every core while memory stays bounded by a few chunks, whatever the log's size.
 */
public final class FileEntrySource implements EntrySource {

    private static final int CHUNK_LINES = 512;
    private static final int WINDOW = 6;
    private static final ThreadLocal<EntryCodec> CODECS = ThreadLocal.withInitial(EntryCodec::new);

    private final List<Path> segments;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Chunk>> window = new ArrayDeque<>();
    private int segment = -1;
    private LineReader reader;
    private String fileName;
    private long lineNo;
    private long position;
    private byte[] torn;
    private boolean eof;
    private Chunk current;
    private int index;

    /** Lines read from one segment, and the entries they hold once a worker has checked them. */
    private static final class Chunk {
        final int segment;
        final String fileName;
        final long firstLineNo;
        final long firstPosition;
        byte[] data = new byte[CHUNK_LINES * 640];
        int used;
        final int[] starts = new int[CHUNK_LINES];
        final int[] lengths = new int[CHUNK_LINES];
        final long[] lineOffsets = new long[CHUNK_LINES];
        int count;
        Item[] items;

        Chunk(int segment, String fileName, long firstLineNo, long firstPosition) {
            this.segment = segment;
            this.fileName = fileName;
            this.firstLineNo = firstLineNo;
            this.firstPosition = firstPosition;
        }

        void add(byte[] line, int length, long lineOffset) {
            if (used + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, used + length));
            }
            System.arraycopy(line, 0, data, used, length);
            starts[count] = used;
            lengths[count] = length;
            lineOffsets[count] = lineOffset;
            used += length;
            count++;
        }

        Chunk check() {
            EntryCodec codec = CODECS.get();
            Item[] out = new Item[count];
            for (int i = 0; i < count; i++) {
                String location = fileName + (firstLineNo + i);
                long pos = firstPosition + i;
                EntryCodec.Parsed quick = codec.quickCheck(data, starts[i], lengths[i]);
                if (quick != null) {
                    out[i] = new Item(location, pos, quick, null, -1);
                    continue;
                }
                try {
                    out[i] = new Item(location, pos, codec.parse(data, starts[i], lengths[i]), null, -1);
                } catch (MalformedEntryException e) {
                    out[i] = new Item(location, pos, null, e.getMessage(), -1);
                }
            }
            items = out;
            return this;
        }
    }

    /** @param segments the files, oldest first */
    public FileEntrySource(List<Path> segments) {
        this.segments = List.copyOf(segments);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "drm-audit-verify");
                    t.setDaemon(true);
                    return t;
                });
        // a reader that is never closed leaves no threads behind once they have idled
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    @Override
    public Item next() throws IOException {
        while (current == null || index == current.count) {
            while (window.size() < WINDOW && !eof) {
                Chunk chunk = read();
                if (chunk == null) {
                    eof = true;
                } else {
                    window.add(workers.submit(chunk::check));
                }
            }
            Future<Chunk> next = window.poll();
            if (next == null) {
                current = null;
                return null;
            }
            current = await(next);
            index = 0;
        }
        return current.items[index++];
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the audit log");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("checking entries failed: " + cause, cause);
        }
    }

    /** Reads the next chunk of lines, all from one segment; null at the end of the last one. */
    private Chunk read() throws IOException {
        while (true) {
            if (reader == null) {
                if (++segment >= segments.size()) {
                    return null;
                }
                reader = new LineReader(new BufferedInputStream(Files.newInputStream(segments.get(segment)), 1 << 16));
                fileName = segments.get(segment).getFileName() + ":";
                lineNo = 0;
            }
            Chunk chunk = new Chunk(segment, fileName, lineNo + 1, position + 1);
            while (chunk.count < CHUNK_LINES && reader.next()) {
                chunk.add(reader.buffer(), reader.length(), reader.lineOffset());
                lineNo++;
                position++;
            }
            if (chunk.count < CHUNK_LINES) {
                if (reader.torn()) {
                    torn = reader.tornBytes();
                }
                reader.close();
                reader = null;
            }
            if (chunk.count > 0) {
                return chunk;
            }
        }
    }

    /** @return where the entry last returned starts, as a {@link FileLogStore#hint} */
    public long hint() {
        return FileLogStore.hint(current.segment, current.lineOffsets[index - 1]);
    }

    @Override
    public byte[] entryBytes() {
        if (current == null || index == 0) {
            return null;
        }
        int i = index - 1;
        return Arrays.copyOfRange(current.data, current.starts[i], current.starts[i] + current.lengths[i]);
    }

    @Override
    public byte[] torn() {
        return torn;
    }

    @Override
    public void close() throws IOException {
        workers.shutdownNow();
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
