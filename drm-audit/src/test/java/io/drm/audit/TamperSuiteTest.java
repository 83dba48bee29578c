package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.MalformedEntryException;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of tampering, at the start, middle and end of a log of 100 entries with a signed
 * checkpoint every 10: the verifier finds it and names the exact sequence number.
 */
final class TamperSuiteTest {

    static final int N = 100;
    static final AuditSigningKey KEY = AuditSigningKey.generate(new SecureRandom());
    static final AuditSigningKey OTHER = AuditSigningKey.generate(new SecureRandom());

    @TempDir
    Path dir;

    /** What to do, where, and what the verifier must report. */
    record Case(String name, Tampering expected, long seq, Tamper tamper) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Tamper {
        void apply(TamperableLog log);
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (int k : new int[] {1, 50, N}) {
            cases.add(new Case("modify " + k, Tampering.MODIFIED, k, log -> modify(log, k)));
            cases.add(new Case("insert before " + k, Tampering.INSERTED, k, log -> insert(log, k)));
            cases.add(new Case("truncate from " + k, Tampering.TRUNCATED, k, log -> truncate(log, k)));
            cases.add(new Case("re-sign from " + k, Tampering.UNKNOWN_KEY, roundUp(k),
                    log -> rechainAndResign(log, k, false)));
            cases.add(new Case("forge signature from " + k, Tampering.BAD_SIGNATURE, roundUp(k),
                    log -> rechainAndResign(log, k, true)));
        }
        for (int k : new int[] {1, 50, N - 1}) {
            cases.add(new Case("delete " + k, Tampering.DELETED, k, log -> delete(log, k)));
            cases.add(new Case("swap " + k + " and " + (k + 1), Tampering.REORDERED, k, log -> swap(log, k)));
        }
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void json_lines_tampering_is_found_at_its_exact_seq(Case c) {
        try (TamperableLog log = fileLog()) {
            check(log, c);
        }
    }

    static Stream<Arguments> tableCases() {
        return TestDatabase.enabledKinds().flatMap(kind -> cases().map(c -> Arguments.of(kind, c.get()[0])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tableCases")
    void table_tampering_is_found_at_its_exact_seq(DbKind kind, Case c) {
        try (TamperableLog log = tableLog(kind)) {
            check(log, c);
        }
    }

    @OnEachDatabase
    void a_table_row_whose_side_column_was_edited_is_found(DbKind kind) {
        try (TableTamperableLog log = tableLog(kind)) {
            log.execute("UPDATE drm_audit_log SET action = 'release.started' WHERE seq = 42");
            check(log, new Case("edit action column", Tampering.MODIFIED, 42, l -> { }));
        }
    }

    @OnEachDatabase
    void an_untouched_table_log_verifies(DbKind kind) {
        try (TamperableLog log = tableLog(kind)) {
            VerificationReport report = log.verifier().trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(N);
        }
    }

    private TableTamperableLog tableLog(DbKind kind) {
        TamperableLog template = fileLog();
        TableTamperableLog log = new TableTamperableLog(kind);
        log.rewrite(template.entries());
        log.rewriteCheckpoints(template.checkpoints());
        return log;
    }

    @Test
    void an_untouched_log_verifies() {
        try (TamperableLog log = fileLog()) {
            VerificationReport report = log.verifier().trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(N);
            assertThat(report.checkpoints()).isEqualTo(N / 10);
        }
    }

    @Test
    void cutting_entries_and_checkpoints_together_is_found_with_a_checkpoint_kept_elsewhere() {
        try (TamperableLog log = fileLog()) {
            Checkpoint kept = log.checkpoints().get(log.checkpoints().size() - 1);
            log.rewrite(log.entries().subList(0, 90));
            log.rewriteCheckpoints(log.checkpoints().subList(0, 9));
            assertThat(log.verifier().trusting(TrustedKeys.of(KEY.publicKey())).verify().ok()).isTrue();

            VerificationReport report = log.verifier().trusting(TrustedKeys.of(KEY.publicKey())).expecting(kept)
                    .verify();
            assertThat(report.firstProblem()).hasValueSatisfying(p -> {
                assertThat(p.kind()).isEqualTo(Tampering.TRUNCATED);
                assertThat(p.seq()).isEqualTo(91);
            });
        }
    }

    static void check(TamperableLog log, Case c) {
        c.tamper().apply(log);
        VerificationReport report = log.verifier().trusting(TrustedKeys.of(KEY.publicKey())).verify();
        assertThat(report.firstProblem()).as(log.describe() + " " + c + ": " + report).hasValueSatisfying(p -> {
            assertThat(p.kind()).as(report.toString()).isEqualTo(c.expected());
            assertThat(p.seq()).as(report.toString()).isEqualTo(c.seq());
        });
    }

    @TempDir
    static Path template;

    @BeforeAll
    static void writeTemplateLog() {
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(template.resolve("audit.jsonl")).signingKey(KEY)
                .checkpointEvery(10, Duration.ofDays(1)).build()) {
            for (int i = 1; i <= N; i++) {
                sink.append(Events.event(i));
            }
        }
    }

    private TamperableLog fileLog() {
        try {
            for (String name : List.of("audit.jsonl", "audit.checkpoints.jsonl")) {
                Files.copy(template.resolve(name), dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TamperableLog.Files1(dir.resolve("audit.jsonl"));
    }

    static long roundUp(int k) {
        return (k + 9) / 10 * 10L;
    }

    static void modify(TamperableLog log, int k) {
        List<String> entries = new ArrayList<>(log.entries());
        String before = entries.get(k - 1);
        String after = before.replace("\"ci-bot\"", "\"someone-else\"");
        assertThat(after).isNotEqualTo(before);
        entries.set(k - 1, after);
        log.rewrite(entries);
    }

    static void delete(TamperableLog log, int k) {
        List<String> entries = new ArrayList<>(log.entries());
        entries.remove(k - 1);
        log.rewrite(entries);
    }

    static void swap(TamperableLog log, int k) {
        List<String> entries = new ArrayList<>(log.entries());
        Collections.swap(entries, k - 1, k);
        log.rewrite(entries);
    }

    static void truncate(TamperableLog log, int k) {
        log.rewrite(new ArrayList<>(log.entries().subList(0, k - 1)));
    }

    /** Inserts a well-formed, correctly hashed entry claiming seq k before entry k. */
    static void insert(TamperableLog log, int k) {
        List<String> entries = new ArrayList<>(log.entries());
        byte[] prev = k == 1 ? new byte[32] : java.util.HexFormat.of().parseHex(parse(entries.get(k - 2)).storedHash());
        AuditEvent forged = AuditEvent.of("forged", Instant.parse("2026-11-25T10:00:00Z"), "intruder",
                "release.completed", "prod", "postgresql/app", AuditEvent.Outcome.SUCCESS, Map.of());
        entries.add(k - 1, new String(new EntryCodec().seal(forged, k, prev).canonical(), StandardCharsets.UTF_8));
        log.rewrite(entries);
    }

    /**
     * Changes entry k, re-seals every entry from k on so the chain holds again, and re-signs every
     * checkpoint from k on: with another key, or (forge) with another key under the trusted key's id.
     */
    static void rechainAndResign(TamperableLog log, int k, boolean forgeKeyId) {
        List<String> entries = new ArrayList<>(log.entries());
        EntryCodec codec = new EntryCodec();
        byte[] prev = k == 1 ? new byte[32] : java.util.HexFormat.of().parseHex(parse(entries.get(k - 2)).storedHash());
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i < k - 1) {
                leaves.add(parse(entries.get(i)).canonical());
                continue;
            }
            AuditEvent event = parse(entries.get(i)).event();
            if (i == k - 1) {
                event = AuditEvent.of(event.id(), event.time(), "someone-else", event.action(), event.environment(),
                        event.target(), event.outcome(), event.details());
            }
            EntryCodec.Sealed sealed = codec.seal(event, i + 1, prev);
            prev = sealed.hash();
            entries.set(i, new String(sealed.canonical(), StandardCharsets.UTF_8));
            leaves.add(sealed.canonical());
        }
        log.rewrite(entries);
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Checkpoint cp : log.checkpoints()) {
            if (cp.treeSize() < k) {
                checkpoints.add(cp);
                continue;
            }
            byte[] root = Rfc6962.rootHash(leaves.subList(0, (int) cp.treeSize()));
            Checkpoint resigned = Checkpoint.create(cp.treeSize(), root, cp.time(), OTHER);
            if (forgeKeyId) {
                resigned = new Checkpoint(resigned.treeSize(), resigned.rootHash(), resigned.time(), KEY.keyId(),
                        resigned.signature());
            }
            checkpoints.add(resigned);
        }
        log.rewriteCheckpoints(checkpoints);
    }

    static EntryCodec.Parsed parse(String entry) {
        try {
            return new EntryCodec().parse(entry.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEntryException e) {
            throw new IllegalStateException(e);
        }
    }
}
