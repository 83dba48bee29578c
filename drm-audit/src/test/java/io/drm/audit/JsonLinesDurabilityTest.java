package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability is proven by counting {@code force()} calls on the log's channel: a killed process
 * proves nothing, since the page cache survives it.
 */
final class JsonLinesDurabilityTest {

    @TempDir
    Path dir;

    /** What happened to the active log file's channels, in order: "write" or "force". */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** When set, forces from threads other than {@link #testThread} wait for it and are not counted. */
    private volatile CountDownLatch syncerGate;
    private volatile Thread testThread;

    private JsonLinesAuditSink.Builder recording(Path file) {
        return JsonLinesAuditSink.builder(file).checkpointEvery(1_000_000, Duration.ofDays(365))
                .channelOpener(path -> {
                    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.READ);
                    return path.equals(file) ? new Recording(ch) : ch;
                });
    }

    private long forces() {
        synchronized (log) {
            return log.stream().filter("force"::equals).count();
        }
    }

    private String last() {
        synchronized (log) {
            return log.get(log.size() - 1);
        }
    }

    @Test
    void fsync_acknowledges_an_event_only_after_the_force_that_covers_it() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = recording(file).durability(JsonLinesAuditSink.Durability.FSYNC).build()) {
            for (int i = 1; i <= 20; i++) {
                long before = forces();
                int writesBefore = (int) log.stream().filter("write"::equals).count();

                sink.append(Events.event(i));

                assertThat(log.stream().filter("write"::equals).count()).as("event %d was written", i)
                        .isGreaterThan(writesBefore);
                assertThat(last()).as("nothing of event %d is written after the force that covers it", i)
                        .isEqualTo("force");
                assertThat(forces() - before).as("forces for event %d", i).isEqualTo(1);
            }
        }
    }

    @Test
    void group_commit_forces_once_for_a_whole_group() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        // the background syncer's forces wait until the end, so only the group's own force counts
        syncerGate = new CountDownLatch(1);
        testThread = Thread.currentThread();
        JsonLinesAuditSink sink = recording(file).durability(JsonLinesAuditSink.Durability.GROUP_COMMIT)
                .groupCommitDelay(Duration.ofSeconds(10)).build();
        try {
            long before = forces();
            for (int i = 1; i <= 50; i++) {
                sink.append(Events.event(i));
            }
            assertThat(forces()).as("appending in group commit does not force on the caller").isEqualTo(before);

            sink.flush();

            assertThat(forces() - before).as("one force for the group of 50").isEqualTo(1);
            assertThat(last()).isEqualTo("force");
        } finally {
            syncerGate.countDown();
            sink.close();
        }
    }

    @Test
    void acknowledged_events_survive_in_the_file_the_force_covered() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = recording(file).durability(JsonLinesAuditSink.Durability.FSYNC).build()) {
            sink.append(Events.event(1));
            sink.append(Events.event(2));
        }
        assertThat(AuditVerifier.forFiles(file).verify().entries()).isEqualTo(2);
    }

    /** Records writes and forces of one channel. */
    private final class Recording extends DelegatingFileChannel {

        Recording(FileChannel delegate) {
            super(delegate);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = super.write(src);
            log.add("write");
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = super.write(src, position);
            log.add("write");
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = super.write(srcs, offset, length);
            log.add("write");
            return n;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            CountDownLatch gate = syncerGate;
            if (gate != null && Thread.currentThread() != testThread) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.force(metaData);
                return;
            }
            super.force(metaData);
            log.add("force");
        }
    }
}
