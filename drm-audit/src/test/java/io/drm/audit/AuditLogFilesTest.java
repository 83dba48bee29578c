package io.drm.audit;

import static io.drm.audit.QueryLogs.SUB_MILLI;
import static io.drm.audit.QueryLogs.T;
import static io.drm.audit.QueryLogs.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditLogFilesTest {

    @TempDir
    Path dir;

    private Path file;
    private AuditLog log;

    @BeforeEach
    void writeLog() {
        file = QueryLogs.writeFiles(dir.resolve("audit.jsonl"), QueryLogs.events());
        log = AuditLog.forFiles(file);
    }

    @Test
    void all_returns_every_entry_in_sequence_order_with_its_event() {
        try (Stream<AuditEntry> entries = log.query(AuditQuery.all())) {
            List<AuditEntry> all = entries.toList();
            assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(all).extracting(AuditEntry::event).containsExactlyElementsOf(QueryLogs.events());
            assertThat(all.get(0).prevHash()).isEqualTo(AuditEntry.GENESIS);
            assertThat(all.get(1).prevHash()).isEqualTo(all.get(0).hash());
        }
    }

    @Test
    void the_period_includes_from_and_excludes_until() {
        assertThat(seqs(log, AuditQuery.all().from(T.plusSeconds(1)).until(T.plusSeconds(11))))
                .containsExactly(2L, 3L, 4L);
    }

    @Test
    void sub_millisecond_times_are_compared_exactly() {
        assertThat(seqs(log, AuditQuery.all().from(SUB_MILLI.minusNanos(300_000)).until(SUB_MILLI.plusNanos(1))))
                .containsExactly(8L);
        assertThat(seqs(log, AuditQuery.all().from(SUB_MILLI.plusNanos(1)).until(T.plusSeconds(31)))).isEmpty();
        assertThat(seqs(log, AuditQuery.all().from(T.plusSeconds(30)).until(SUB_MILLI))).isEmpty();
    }

    @Test
    void actions_select_any_of_them() {
        assertThat(seqs(log, AuditQuery.all().action("release.completed", "release.failed")))
                .containsExactly(3L, 5L, 10L);
    }

    @Test
    void environment_selects_one() {
        assertThat(seqs(log, AuditQuery.all().environment("staging"))).containsExactly(4L, 5L);
    }

    @Test
    void release_id_selects_one_release() {
        assertThat(seqs(log, AuditQuery.all().releaseId("rel-C"))).containsExactly(6L, 7L);
    }

    @Test
    void actor_selects_one() {
        assertThat(seqs(log, AuditQuery.all().actor("alice"))).containsExactly(1L, 2L, 3L, 9L, 10L);
    }

    @Test
    void outcome_selects_one() {
        assertThat(seqs(log, AuditQuery.all().outcome(AuditEvent.Outcome.FAILURE))).containsExactly(5L, 10L);
    }

    @Test
    void the_parts_combine() {
        assertThat(seqs(log, AuditQuery.all().from(T).until(T.plusSeconds(41)).environment("prod")
                .action("release.started", "release.failed").actor("alice"))).containsExactly(1L, 9L);
    }

    @Test
    void nothing_matches_gives_an_empty_stream() {
        assertThat(seqs(log, AuditQuery.all().environment("dev"))).isEmpty();
        assertThat(log.count(AuditQuery.all().actor("mallory"))).isZero();
    }

    @Test
    void count_counts_what_query_returns() {
        assertThat(log.count(AuditQuery.all())).isEqualTo(10);
        assertThat(log.count(AuditQuery.all().environment("prod"))).isEqualTo(8);
    }

    @Test
    void rotated_segments_are_read_oldest_first_then_the_active_file() throws Exception {
        Path rotating = dir.resolve("rotating").resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(rotating).rotateAtBytes(4096).build()) {
            for (int round = 0; round < 3; round++) {
                QueryLogs.events().forEach(sink::append);
            }
        }
        try (Stream<Path> files = Files.list(rotating.getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().matches("audit-\\d{12}\\.jsonl")).count())
                    .isGreaterThanOrEqualTo(2);
        }
        AuditLog rotated = AuditLog.forFiles(rotating);
        assertThat(seqs(rotated, AuditQuery.all())).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(seqs(rotated, AuditQuery.all().releaseId("rel-D"))).containsExactly(9L, 10L, 19L, 20L, 29L, 30L);
    }

    @Test
    void entries_are_returned_as_stored_without_verifying_them() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(4, lines.get(4).replace("\"name\":\"bob\"", "\"name\":\"eve\""));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(seqs(log, AuditQuery.all().actor("eve"))).containsExactly(5L);
        assertThat(AuditVerifier.forFiles(file).verify().problem().kind()).isEqualTo(Tampering.MODIFIED);
    }

    @Test
    void an_entry_that_is_not_an_entry_fails_the_read_and_says_where() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, "{\"not\":\"an entry\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);

        try (Stream<AuditEntry> entries = log.query(AuditQuery.all())) {
            assertThatThrownBy(entries::toList).isInstanceOf(AuditStoreException.class)
                    .hasMessageContaining("audit.jsonl:3").hasMessageContaining("AuditVerifier")
                    .satisfies(e -> assertThat(((AuditStoreException) e).code()).isEqualTo(AuditStoreException.CODE));
        }
    }

    @Test
    void a_log_that_does_not_exist_is_an_audit_store_failure() {
        AuditLog missing = AuditLog.forFiles(dir.resolve("nowhere").resolve("audit.jsonl"));
        assertThatThrownBy(() -> missing.query(AuditQuery.all())).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("audit.jsonl")
                .satisfies(e -> assertThat(((AuditStoreException) e).code().id()).isEqualTo("DRM-AUDIT-002"));
    }

    @Test
    void a_null_argument_is_refused() {
        assertThatThrownBy(() -> AuditLog.forFiles(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditLog.forTable(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> log.query(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> log.count(null)).isInstanceOf(NullPointerException.class);
    }
}
