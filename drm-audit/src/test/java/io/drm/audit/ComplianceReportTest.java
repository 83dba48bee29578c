package io.drm.audit;

import static io.drm.audit.QueryLogs.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.audit.ComplianceReport.Release;
import io.drm.audit.ComplianceReport.ReleaseOutcome;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ComplianceReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file;
    private AuditLog log;

    @BeforeEach
    void writeLog() {
        file = QueryLogs.writeFiles(dir.resolve("audit.jsonl"), QueryLogs.events());
        log = AuditLog.forFiles(file);
    }

    /** Entries 1..8: releases A (completed), B (failed) and C (no end), and a recovery. */
    private ComplianceReport firstForty() {
        return ComplianceReport.builder(log, T, T.plusSeconds(40)).build();
    }

    @Test
    void counts_events_per_action_and_per_outcome() {
        ComplianceReport report = firstForty();
        assertThat(report.entries()).isEqualTo(8);
        assertThat(report.actionCounts()).containsExactly(Map.entry("audit.recovered", 1L),
                Map.entry("migration.applied", 2L), Map.entry("release.completed", 1L),
                Map.entry("release.failed", 1L), Map.entry("release.started", 3L));
        assertThat(report.outcomeCounts()).containsExactly(Map.entry(AuditEvent.Outcome.SUCCESS, 4L),
                Map.entry(AuditEvent.Outcome.FAILURE, 1L), Map.entry(AuditEvent.Outcome.UNKNOWN, 3L));
    }

    @Test
    void names_the_first_and_last_sequence_numbers_covered() {
        ComplianceReport report = ComplianceReport.builder(log, T.plusSeconds(10), T.plusSeconds(40)).build();
        assertThat(report.firstSeq()).hasValue(4);
        assertThat(report.lastSeq()).hasValue(8);
    }

    @Test
    void lists_the_releases_with_how_each_ended() {
        assertThat(firstForty().releases()).containsExactly(
                new Release("rel-A", T, T.plusSeconds(2), "alice", "prod", ReleaseOutcome.COMPLETED, 1, 3, 3),
                new Release("rel-B", T.plusSeconds(10), T.plusSeconds(11), "bob", "staging", ReleaseOutcome.FAILED,
                        4, 5, 2),
                new Release("rel-C", T.plusSeconds(20), T.plusSeconds(21), "ci-bot", "prod",
                        ReleaseOutcome.STARTED_ONLY, 6, 7, 2));
    }

    @Test
    void a_release_started_before_the_period_still_shows_how_it_ended() {
        ComplianceReport report = ComplianceReport.builder(log, T.plusSeconds(1), T.plusSeconds(5)).build();
        assertThat(report.releases()).containsExactly(new Release("rel-A", T.plusSeconds(1), T.plusSeconds(2),
                "alice", "prod", ReleaseOutcome.COMPLETED, 2, 3, 2));
    }

    @Test
    void lists_the_failures() {
        assertThat(firstForty().failures()).singleElement().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(5);
            assertThat(f.event()).isEqualTo(QueryLogs.events().get(4));
        });
    }

    @Test
    void an_environment_restricts_everything_to_it() {
        ComplianceReport report = ComplianceReport.builder(log, T, T.plus(Duration.ofDays(1))).environment("prod").build();
        assertThat(report.environment()).hasValue("prod");
        assertThat(report.entries()).isEqualTo(8);
        assertThat(report.releases()).extracting(Release::releaseId, Release::outcome).containsExactly(
                tuple("rel-A", ReleaseOutcome.COMPLETED),
                tuple("rel-C", ReleaseOutcome.STARTED_ONLY),
                tuple("rel-D", ReleaseOutcome.FAILED));
        assertThat(report.failures()).extracting(AuditEntry::seq).containsExactly(10L);
    }

    @Test
    void an_empty_period_gives_an_empty_report() throws IOException {
        ComplianceReport report = ComplianceReport.builder(log, T.minusSeconds(60), T).build();
        assertThat(report.entries()).isZero();
        assertThat(report.firstSeq()).isEmpty();
        assertThat(report.releases()).isEmpty();
        JsonNode json = JSON.readTree(report.toJson());
        assertThat(json.get("firstSeq").isNull()).isTrue();
        assertThat(json.get("outcomes").get("failure").asLong()).isZero();
        StringWriter csv = new StringWriter();
        report.writeCsv(csv);
        assertThat(csv.toString()).isEqualTo(String.join(",", ComplianceReport.CSV_COLUMNS) + "\r\n");
    }

    @Test
    void csv_has_a_header_and_one_row_per_event() throws IOException {
        List<List<String>> rows = csv(firstForty());
        assertThat(rows.get(0)).containsExactly("seq", "time", "action", "outcome", "actor", "environment", "target",
                "release_id", "event_id", "details");
        assertThat(rows).hasSize(9);
        assertThat(rows.get(1)).containsExactly("1", "2026-10-01T00:00:00Z", "release.started", "unknown", "alice",
                "prod", "postgresql/app", "rel-A", "event-1", "{\"releaseId\":\"rel-A\"}");
        assertThat(rows.get(8)).containsExactly("8", "2026-10-01T00:00:30.000500Z", "audit.recovered", "success",
                "drm", "prod", "postgresql/app", "", "event-8", "{\"tornBytes\":\"17\"}");
    }

    @Test
    void csv_quotes_fields_with_comma_quote_and_line_break_and_reads_them_back() throws IOException {
        ComplianceReport report = firstForty();
        StringWriter out = new StringWriter();
        report.writeCsv(out);
        assertThat(out.toString()).contains("\"{\"\"error\"\":\"\"V2__x.sql, line 3: \\\"\"boom\\\"\"\\r\\nrolled back\"\","
                + "\"\"releaseId\"\":\"\"rel-B\"\"}\"\r\n");

        List<String> failed = read(out.toString()).get(5);
        assertThat(failed.get(0)).isEqualTo("5");
        assertThat(failed.get(6)).isEqualTo(QueryLogs.ODD_TARGET);
        assertThat(JSON.readTree(failed.get(9)).get("error").asText()).isEqualTo(QueryLogs.ERROR);
    }

    @Test
    void csv_quotes_fields_that_need_it_and_only_those() {
        assertThat(ComplianceReport.csvField("plain value")).isEqualTo("plain value");
        assertThat(ComplianceReport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ComplianceReport.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ComplianceReport.csvField("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(ComplianceReport.csvField("lf\nhere")).isEqualTo("\"lf\nhere\"");
        assertThat(read(ComplianceReport.csvField("x,\"y\"\r\nz") + "," + ComplianceReport.csvField("w") + "\r\n"))
                .containsExactly(List.of("x,\"y\"\r\nz", "w"));
    }

    @Test
    void csv_leaves_out_entries_appended_after_the_report_was_built() throws IOException {
        ComplianceReport report = ComplianceReport.builder(log, T, T.plus(Duration.ofDays(1))).build();
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            sink.append(QueryLogs.event(11, T.plusSeconds(50), "alice", "release.started", "prod",
                    AuditEvent.Outcome.UNKNOWN, "rel-E", Map.of()));
        }
        List<List<String>> rows = csv(report);
        assertThat(rows).hasSize(11);
        assertThat(rows.get(10).get(0)).isEqualTo("10");
    }

    @Test
    void json_has_the_expected_fields_in_a_stable_order() throws IOException {
        String text = firstForty().toJson();
        JsonNode json = JSON.readTree(text);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("type", "period", "environment", "entries", "firstSeq", "lastSeq",
                "actions", "outcomes", "releases", "failures");
        assertThat(json.get("type").asText()).isEqualTo(ComplianceReport.TYPE);
        assertThat(json.at("/period/from").asText()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(json.at("/period/until").asText()).isEqualTo("2026-10-01T00:00:40Z");
        assertThat(json.get("environment").isNull()).isTrue();
        assertThat(json.get("entries").asLong()).isEqualTo(8);
        assertThat(json.get("firstSeq").asLong()).isEqualTo(1);
        assertThat(json.get("lastSeq").asLong()).isEqualTo(8);
        assertThat(json.at("/actions/release.started").asLong()).isEqualTo(3);
        assertThat(json.at("/outcomes/success").asLong()).isEqualTo(4);
        assertThat(json.at("/releases/1/releaseId").asText()).isEqualTo("rel-B");
        assertThat(json.at("/releases/1/outcome").asText()).isEqualTo("failed");
        assertThat(json.at("/releases/2/outcome").asText()).isEqualTo("started-only");
        assertThat(json.at("/releases/0/firstTime").asText()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(json.at("/failures/0/seq").asLong()).isEqualTo(5);
        assertThat(json.at("/failures/0/releaseId").asText()).isEqualTo("rel-B");
        assertThat(json.at("/failures/0/details/error").asText()).isEqualTo(QueryLogs.ERROR);
        assertThat(text).isEqualTo(firstForty().toJson());
    }

    @Test
    void write_json_writes_what_to_json_returns() throws IOException {
        ComplianceReport report = firstForty();
        StringWriter out = new StringWriter();
        report.writeJson(out);
        assertThat(out.toString()).isEqualTo(report.toJson());
    }

    @Test
    void a_verification_report_is_embedded_when_given() throws IOException {
        VerificationReport verified = AuditVerifier.forFiles(file).verify();
        ComplianceReport report = ComplianceReport.builder(log, T, T.plusSeconds(40)).verifiedWith(verified).build();
        JsonNode v = JSON.readTree(report.toJson()).get("verification");
        assertThat(v.get("ok").asBoolean()).isFalse();
        assertThat(v.get("intact").asBoolean()).isTrue();
        assertThat(v.get("verdict").asText()).isEqualTo("intact, not authenticated");
        assertThat(v.get("entries").asLong()).isEqualTo(10);
        assertThat(v.get("signaturesChecked").asBoolean()).isFalse();
        assertThat(v.at("/latestCheckpoint/treeSize").asLong()).isEqualTo(verified.latestCheckpoint().treeSize());
        assertThat(v.at("/latestCheckpoint/rootHash").asText()).isEqualTo(verified.latestCheckpoint().rootHash());
        assertThat(v.get("firstProblem").isNull()).isTrue();
        assertThat(report.verification()).containsSame(verified);
    }

    @Test
    void a_failed_verification_embeds_its_first_problem() throws IOException {
        VerificationReport.Problem problem = new VerificationReport.Problem(Tampering.DELETED, 4, "audit.jsonl:4",
                "entries 4..4 are missing");
        VerificationReport failed = new VerificationReport(3, 0, false, null, 3, problem, List.of());
        JsonNode v = JSON.readTree(ComplianceReport.builder(log, T, T.plusSeconds(40)).verifiedWith(failed).build()
                .toJson()).get("verification");
        assertThat(v.get("ok").asBoolean()).isFalse();
        assertThat(v.get("intact").asBoolean()).isFalse();
        assertThat(v.get("verdict").asText()).isEqualTo("NOT intact");
        assertThat(v.get("latestCheckpoint").isNull()).isTrue();
        assertThat(v.at("/firstProblem/kind").asText()).isEqualTo("DELETED");
        assertThat(v.at("/firstProblem/seq").asLong()).isEqualTo(4);
        assertThat(v.at("/firstProblem/location").asText()).isEqualTo("audit.jsonl:4");
    }

    @Test
    void without_a_verification_report_there_is_no_verification_section() throws IOException {
        assertThat(JSON.readTree(firstForty().toJson()).has("verification")).isFalse();
        assertThat(firstForty().verification()).isEmpty();
    }

    @OnEachDatabase
    void a_report_over_the_table_matches_the_one_over_files(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            QueryLogs.createTable(db);
            QueryLogs.insert(db, QueryLogs.events());
            ComplianceReport overTable = ComplianceReport.builder(AuditLog.forTable(db.dataSource()), T, T.plusSeconds(40))
                    .build();
            assertThat(overTable.toJson()).isEqualTo(firstForty().toJson());
        }
    }

    @Test
    void until_before_from_is_refused() {
        assertThatThrownBy(() -> ComplianceReport.builder(log, T, T.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplianceReport.builder(log, T, T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_blank_environment_is_refused() {
        assertThatThrownBy(() -> ComplianceReport.builder(log, T, T.plusSeconds(1)).environment(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulls_are_refused() {
        Instant later = T.plusSeconds(1);
        assertThatThrownBy(() -> ComplianceReport.builder(null, T, later)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ComplianceReport.builder(log, null, later)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ComplianceReport.builder(log, T, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ComplianceReport.builder(log, T, later).verifiedWith(null))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<List<String>> csv(ComplianceReport report) throws IOException {
        StringWriter out = new StringWriter();
        report.writeCsv(out);
        return read(out.toString());
    }

    /** A small RFC 4180 reader: CRLF-terminated records, double-quoted fields with doubled quotes. */
    private static List<List<String>> read(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        Iterator<Integer> chars = csv.chars().iterator();
        boolean quoted = false;
        boolean atFieldStart = true;
        while (chars.hasNext()) {
            char c = (char) (int) chars.next();
            if (quoted) {
                if (c == '"') {
                    if (!chars.hasNext()) {
                        throw new IllegalArgumentException("a quoted field ends the input without CRLF");
                    }
                    char after = (char) (int) chars.next();
                    if (after == '"') {
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    c = after;
                } else {
                    field.append(c);
                    continue;
                }
            }
            if (c == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '\r') {
                if (!chars.hasNext() || chars.next() != '\n') {
                    throw new IllegalArgumentException("a bare CR outside quotes");
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                atFieldStart = true;
            } else if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("a quote or LF in an unquoted field");
            } else {
                field.append(c);
                atFieldStart = false;
            }
        }
        if (quoted || !record.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }
}
