package io.drm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.Approval;
import io.drm.ApprovalRefusedException;
import io.drm.DataRelease;
import io.drm.PlanChangedException;
import io.drm.Policy;
import io.drm.PolicyViolation;
import io.drm.PolicyViolationException;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** Policies and approvals end to end: blocked before anything is written, approved, refused. */
final class PolicyReleaseTest {

    static final String TABLE = "CREATE TABLE country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(100) NOT NULL);\n";
    static final String CSV = "code,name\nfr,France\nde,Germany\nch,Switzerland\n";
    static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private Migrations countries() {
        return Migrations.in(dir.resolve("m")).add("V1__create_country.sql", TABLE).add("V2__country.csv", CSV);
    }

    private static DataRelease.Builder prod(TestDatabase db, Migrations m, RecordingSink sink, KeyPair alice) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).environment("prod")
                .auditSink(sink).clock(Clock.fixed(MONDAY_NOON, ZoneOffset.UTC))
                .approver("prod", "alice", alice.getPublic());
    }

    private static void nothingWritten(TestDatabase db) {
        assertThat(db.tableExists("country")).isFalse();
        assertThat(db.tableExists("flyway_schema_history")).isFalse();
    }

    @OnEachDatabase
    void a_plan_the_policies_accept_is_applied_without_approval(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = prod(db, countries(), sink, ed25519())
                    .policies(Policy.maxRows(10), Policy.requireApproval("prod"), Policy.destructiveNeedsUndo()).plan();
            assertThat(plan.violations()).isEmpty();
            assertThat(plan.blocked()).isFalse();
            assertThat(plan.apply().outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(sink.actions()).doesNotContain("policy.violation", "approval.granted");
            assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void a_blocked_plan_is_refused_before_anything_is_written_then_applied_with_an_approval(DbKind kind)
            throws Exception {
        KeyPair alice = ed25519();
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = prod(db, countries(), sink, alice).policies(Policy.maxRows(2, "prod")).plan();
            assertThat(plan.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("max-rows");
                assertThat(v.waivable()).isTrue();
            });
            assertThat(plan.explain()).contains("Policy violations (1):", "DRM-POLICY-014 max-rows");
            assertThat(plan.toJson()).contains("\"violations\"", "\"code\" : \"DRM-POLICY-014\"");

            assertThatThrownBy(plan::apply).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-014")
                    .hasMessageContainingAll("V2__country.csv (3 rows into country)", "Approval.sign",
                            "Nothing was applied")
                    .satisfies(e -> assertThat(((PolicyViolationException) e).violations())
                            .extracting(PolicyViolation::rule).containsExactly("max-rows"));
            nothingWritten(db);
            assertThat(sink.actions()).containsExactly("policy.violation");
            assertThat(sink.events().get(0).details()).containsEntry("planId", plan.id())
                    .containsEntry("rules", "max-rows").containsEntry("codes", "DRM-POLICY-014");

            Approval ok = Approval.parse(Approval.sign(plan, "alice", "3 countries are fine", MONDAY_NOON,
                    alice.getPrivate()).toJson());
            ReleaseResult r = plan.apply(ok);
            assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(sink.actions()).containsSubsequence("policy.violation", "approval.granted", "policy.waived",
                    "release.started", "release.completed");
            AuditEvent granted = sink.events().stream().filter(e -> e.action().equals("approval.granted"))
                    .findFirst().orElseThrow();
            assertThat(granted.details()).containsEntry("planId", plan.id()).containsEntry("approver", "alice")
                    .containsEntry("reason", "3 countries are fine");
            assertThat(sink.events().stream().filter(e -> e.action().equals("policy.waived")).findFirst()
                    .orElseThrow().details()).containsEntry("rule", "max-rows").containsEntry("approvers", "alice");
            assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void an_approval_for_another_plan_or_a_changed_plan_is_refused(DbKind kind) throws Exception {
        KeyPair alice = ed25519();
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            Migrations m = countries();
            ReleasePlan plan = prod(db, m, sink, alice).policies(Policy.maxRows(2)).plan();
            Approval other = Approval.sign("0".repeat(64), "alice", "another plan", MONDAY_NOON, alice.getPrivate());
            assertThatThrownBy(() -> plan.apply(other)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-020").hasMessageContaining("is for plan " + "0".repeat(64));
            nothingWritten(db);

            Approval approved = Approval.sign(plan, "alice", "ok", MONDAY_NOON, alice.getPrivate());
            m.add("V1__create_country.sql", TABLE.replace("VARCHAR(100)", "VARCHAR(101)")); // one byte
            ReleasePlan changed = prod(db, m, sink, alice).policies(Policy.maxRows(2)).plan();
            assertThat(changed.id()).isNotEqualTo(plan.id());
            assertThatThrownBy(() -> changed.apply(approved)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-020");
            // the old plan, approved, no longer matches the files: refused under the lock
            assertThatThrownBy(() -> plan.apply(approved)).isInstanceOf(PlanChangedException.class);
            nothingWritten(db);
            assertThat(sink.actions()).contains("approval.refused").doesNotContain("release.started");
        }
    }

    @OnEachDatabase
    void forged_unknown_and_expired_approvals_are_refused(DbKind kind) throws Exception {
        KeyPair alice = ed25519();
        KeyPair mallory = ed25519();
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = prod(db, countries(), sink, alice).policies(Policy.maxRows(2)).plan();
            Approval forged = Approval.sign(plan, "alice", "trust me", MONDAY_NOON, mallory.getPrivate());
            assertThatThrownBy(() -> plan.apply(forged)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-021").hasMessageContaining("not validly signed by alice");
            Approval unknown = Approval.sign(plan, "mallory", "me", MONDAY_NOON, mallory.getPrivate());
            assertThatThrownBy(() -> plan.apply(unknown)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-021").hasMessageContaining("(listed: alice)");
            Approval old = Approval.sign(plan, "alice", "last week", MONDAY_NOON.minus(Duration.ofDays(8)),
                    alice.getPrivate());
            assertThatThrownBy(() -> plan.apply(old)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-022");
            nothingWritten(db);
            ReleasePlan shortLived = prod(db, countries(), sink, alice).policies(Policy.maxRows(2))
                    .approvalValidity(Duration.ofHours(1)).plan();
            Approval twoHours = Approval.sign(shortLived, "alice", "ok", MONDAY_NOON.minus(Duration.ofHours(2)),
                    alice.getPrivate());
            assertThatThrownBy(() -> shortLived.apply(twoHours)).isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageStartingWith("DRM-POLICY-022");
            nothingWritten(db);
        }
    }

    @OnEachDatabase
    void outside_the_release_window_a_plan_is_refused_and_no_approval_waives_it(DbKind kind) throws Exception {
        KeyPair alice = ed25519();
        Policy window = Policy.releaseWindow(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(12, 0),
                Set.of(DayOfWeek.MONDAY), "prod");
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = prod(db, countries(), sink, alice).policies(window).plan(); // 13:00 in Berlin
            assertThat(plan.violations()).extracting(PolicyViolation::rule).containsExactly("release-window");
            Approval a = Approval.sign(plan, "alice", "urgent", MONDAY_NOON, alice.getPrivate());
            assertThatThrownBy(() -> plan.apply(a)).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-015")
                    .hasMessageContainingAll("MON 13:00", "Wait for the window", "2026-12-14T09:00+01:00");
            nothingWritten(db);
            ReleaseResult inside = prod(db, countries(), sink, alice).policies(window)
                    .clock(Clock.fixed(Instant.parse("2026-12-07T09:30:00Z"), ZoneOffset.UTC)).plan().apply();
            assertThat(inside.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
        }
    }

    @OnEachDatabase
    void a_superuser_connection_is_refused_in_prod_only(DbKind kind) throws Exception {
        // the test servers' users (postgres, root, H2's sa) are superusers, and the servers are local
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            DataRelease.Builder b = prod(db, countries(), sink, ed25519()).policies(Policy.leastPrivilege("prod"));
            assertThatThrownBy(() -> b.plan().apply()).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-016").hasMessageContaining("a superuser (")
                    .hasMessageNotContaining("without TLS");
            assertThatThrownBy(b::onStartup).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-016");
            nothingWritten(db);
            assertThat(b.environment("dev").plan().apply().outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
        }
    }

    @OnEachDatabase
    void a_policy_file_blocks_a_filtered_delete_without_an_undo_script(DbKind kind) throws Exception {
        Path yaml = Files.writeString(dir.resolve("policy.yaml"),
                "version: 1\nrules:\n  - rule: destructive-without-undo\n    environments: [prod]\n");
        Path json = Files.writeString(dir.resolve("policy.json"),
                "{\"version\": 1, \"rules\": [{\"rule\": \"destructive-without-undo\", \"environments\": [\"prod\"]}]}");
        for (Path file : new Path[] {yaml, json}) {
            try (TestDatabase db = TestDatabase.create(kind)) {
                RecordingSink sink = RecordingSink.recording();
                Migrations m = Migrations.in(dir.resolve("d-" + file.getFileName())).add("V1__create_country.sql",
                        TABLE);
                prod(db, m, sink, ed25519()).plan().apply();
                m.add("V2__purge.sql", "-- DELETE FROM country; in a comment is not a statement\n"
                        + "DELETE FROM country WHERE code = 'xx';\n");
                DataRelease.Builder b = prod(db, m, sink, ed25519()).policies(file);
                assertThatThrownBy(() -> b.plan().apply()).isInstanceOf(PolicyViolationException.class)
                        .hasMessageStartingWith("DRM-POLICY-011")
                        .hasMessageContainingAll("V2__purge.sql:2", "DELETE country with WHERE", "undo script");
                assertThat(db.appliedVersions()).containsExactly("1");
                m.add("U2__purge.sql", "SELECT 1;\n");
                assertThat(b.plan().violations()).isEmpty();
                assertThat(b.plan().apply().outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            }
        }
    }

    @OnEachDatabase
    void changes_to_a_table_the_release_creates_need_no_undo_script(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            Migrations m = countries().add("V3__fix.sql", "UPDATE country SET name = 'Suisse' WHERE code = 'ch';\n");
            ReleasePlan plan = prod(db, m, sink, ed25519()).policies(Policy.destructiveNeedsUndo()).plan();
            assertThat(plan.violations()).isEmpty();
            plan.apply();
            m.add("V4__fix_again.sql", "UPDATE country SET name = 'Schweiz' WHERE code = 'ch';\n");
            assertThat(prod(db, m, sink, ed25519()).policies(Policy.destructiveNeedsUndo()).plan().violations())
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("V4__fix_again.sql:1",
                            "UPDATE country with WHERE"));
        }
    }
}
