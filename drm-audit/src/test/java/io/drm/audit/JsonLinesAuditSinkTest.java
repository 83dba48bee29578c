package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.audit.internal.EntryCodec;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonLinesAuditSinkTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_event_is_one_ecs_line_chained_to_the_one_before() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            for (int i = 1; i <= 5; i++) {
                sink.append(Events.event(i));
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("@timestamp").asText()).isEqualTo("2026-11-25T10:00:00.001Z");
        assertThat(first.at("/event/action").asText()).isEqualTo("migration.applied");
        assertThat(first.at("/event/outcome").asText()).isEqualTo("success");
        assertThat(first.at("/event/category/0").asText()).isEqualTo("database");
        assertThat(first.at("/event/id").asText()).isEqualTo("event-1");
        assertThat(first.at("/user/name").asText()).isEqualTo("ci-bot");
        assertThat(first.at("/service/environment").asText()).isEqualTo("staging");
        assertThat(first.at("/labels/releaseId").asText()).isEqualTo("rel-0");
        assertThat(first.at("/labels/note").asText()).isEqualTo("caf\u00e9 \"q\"\n");
        assertThat(first.at("/drm/seq").asLong()).isEqualTo(1);
        assertThat(first.at("/drm/prev").asText()).isEqualTo(AuditEntry.GENESIS);
        for (int i = 1; i < 5; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.at("/drm/seq").asLong()).isEqualTo(i + 1);
            assertThat(line.at("/drm/prev").asText()).isEqualTo(JSON.readTree(lines.get(i - 1)).at("/drm/hash").asText());
        }
        EntryCodec.Parsed parsed = new EntryCodec().parse(lines.get(2).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.selfConsistent()).isTrue();
        assertThat(parsed.event()).isEqualTo(Events.event(3));
        assertThat(AuditVerifier.forFiles(file).verify().intact()).isTrue();
    }

    @Test
    void an_appended_event_reaches_the_file_before_append_returns_under_group_commit() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).groupCommitDelay(Duration.ofSeconds(10))
                .build()) {
            sink.append(Events.event(1));
            assertThat(Files.readAllLines(file)).hasSize(1);
        }
    }

    @Test
    void reopening_continues_the_chain_and_checkpoints_verify_with_the_key() {
        Path file = dir.resolve("audit.jsonl");
        AuditSigningKey key = AuditSigningKey.generate(new SecureRandom());
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(key).build()) {
            for (int i = 1; i <= 3; i++) {
                sink.append(Events.event(i));
            }
        }
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(key).durability(
                JsonLinesAuditSink.Durability.FSYNC).build()) {
            assertThat(sink.size()).isEqualTo(3);
            sink.append(Events.event(4));
            assertThat(sink.size()).isEqualTo(4);
        }
        VerificationReport report = AuditVerifier.forFiles(file).trusting(TrustedKeys.of(key.publicKey())).verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.entries()).isEqualTo(4);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.latestCheckpoint().treeSize()).isEqualTo(4);
        assertThat(report.uncheckpointedEntries()).isZero();
    }

    @Test
    void rotation_keeps_one_chain_across_files() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).rotateAtBytes(4096).build()) {
            for (int i = 1; i <= 60; i++) {
                sink.append(Events.event(i));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("audit-\\d{12}\\.jsonl")))
                    .hasSizeGreaterThan(3).contains("audit-000000000001.jsonl");
        }
        VerificationReport report = AuditVerifier.forFiles(file).verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entries()).isEqualTo(60);
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).rotateAtBytes(4096).build()) {
            assertThat(sink.size()).isEqualTo(60);
            sink.append(Events.event(61));
        }
        assertThat(AuditVerifier.forFiles(file).verify().entries()).isEqualTo(61);
    }

    @Test
    void a_torn_last_line_is_set_aside_and_recorded_as_an_event() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            sink.append(Events.event(1));
            sink.append(Events.event(2));
        }
        byte[] torn = "{\"@timestamp\":\"2026-11-25T10:00:00.003Z\",\"drm\":{\"ha".getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, StandardOpenOption.APPEND);
        assertThat(AuditVerifier.forFiles(file).verify().notes()).anyMatch(n -> n.contains("torn"));

        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            assertThat(sink.size()).isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("audit.jsonl.torn-3-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(torn);
        }
        List<String> lines = Files.readAllLines(file);
        JsonNode recovered = JSON.readTree(lines.get(2));
        assertThat(recovered.at("/event/action").asText()).isEqualTo("audit.recovered");
        assertThat(recovered.at("/labels/bytes").asText()).isEqualTo(String.valueOf(torn.length));
        assertThat(recovered.at("/labels/setAsideTo").asText()).startsWith("audit.jsonl.torn-3-");
        VerificationReport report = AuditVerifier.forFiles(file).verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.notes()).noneMatch(n -> n.contains("torn"));
    }

    @Test
    void a_second_sink_on_the_same_file_is_refused() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            assertThatThrownBy(() -> JsonLinesAuditSink.open(file))
                    .isInstanceOf(AuditStoreException.class)
                    .hasMessageContaining(AuditStoreException.CODE.id())
                    .hasMessageContaining("another sink is writing");
            sink.append(Events.event(1));
        }
    }

    @Test
    void a_full_disk_fails_loudly_leaves_no_partial_line_and_the_log_reopens() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
        JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file)
                .channelOpener(path -> new FullDiskChannel(FileChannel.open(path, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.READ), budget))
                .build();
        sink.append(Events.event(1));
        budget.set(100);
        assertThatThrownBy(() -> sink.append(Events.event(2)))
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("cannot write entry 2")
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining("caf\u00e9");
        budget.set(Long.MAX_VALUE);
        assertThatThrownBy(() -> sink.append(Events.event(3))).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("failed earlier");
        sink.close();

        assertThat(Files.readAllLines(file)).hasSize(1);
        try (JsonLinesAuditSink again = JsonLinesAuditSink.open(file)) {
            again.append(Events.event(2));
        }
        assertThat(AuditVerifier.forFiles(file).verify().entries()).isEqualTo(2);
    }

    @Test
    void bad_settings_are_refused_at_once() {
        JsonLinesAuditSink.Builder builder = JsonLinesAuditSink.builder(dir.resolve("a.jsonl"));
        assertThatThrownBy(() -> builder.rotateAtBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.groupCommitDelay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.checkpointEvery(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.signingKey(null)).isInstanceOf(NullPointerException.class);
    }

    /** A channel that reports a full disk once its byte budget is spent, after writing part of the buffer. */
    private static final class FullDiskChannel extends DelegatingFileChannel {
        private final AtomicLong budget;

        FullDiskChannel(FileChannel delegate, AtomicLong budget) {
            super(delegate);
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long left = budget.get();
            if (src.remaining() > left) {
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + (int) left);
                int n = super.write(part);
                src.position(src.position() + n);
                budget.set(0);
                throw new IOException("No space left on device");
            }
            budget.addAndGet(-src.remaining());
            return super.write(src);
        }
    }

    static AuditEvent event(int n) {
        return Events.event(n);
    }
}
