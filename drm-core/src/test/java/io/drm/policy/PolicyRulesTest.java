package io.drm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.ArtifactVersion;
import io.drm.Finding;
import io.drm.PlannedArtifact;
import io.drm.Policy;
import io.drm.PolicyViolation;
import io.drm.PolicyViolationException;
import io.drm.StepKind;
import io.drm.spi.ClassifiedColumn;
import io.drm.spi.ConnectionFacts;
import io.drm.spi.ReleasePolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in rules over hand-made plan facts. */
final class PolicyRulesTest {

    private static List<PolicyViolation> eval(Policy policy, FakePlan plan) {
        List<PolicyViolation> out = new ArrayList<>();
        for (ReleasePolicy r : policy.rules()) {
            out.addAll(r.evaluate(plan));
        }
        return out;
    }

    @Test
    void requireApproval_autoApproves_nonBreaking_findings() {
        FakePlan plan = new FakePlan().finding("create-table", Finding.Severity.INFO, Finding.Category.NON_BREAKING)
                .finding("pg-index-without-concurrently", Finding.Severity.WARNING, Finding.Category.LOCKING_RISK);
        assertThat(eval(Policy.requireApproval("prod"), plan)).isEmpty();
    }

    @Test
    void requireApproval_flags_breaking_dependency_destructive_and_error_findings_as_waivable() {
        for (Finding.Category c : List.of(Finding.Category.BREAKING, Finding.Category.DEPENDENCY,
                Finding.Category.DATA_DESTRUCTIVE)) {
            FakePlan plan = new FakePlan().finding("x", Finding.Severity.WARNING, c);
            assertThat(eval(Policy.requireApproval("prod"), plan)).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(PolicyViolationException.APPROVAL_REQUIRED);
                assertThat(v.waivable()).isTrue();
                assertThat(v.message()).contains("1 breaking finding", "x at db/V1__create_t.sql:1");
                assertThat(v.remedy()).contains("Approval.sign");
            });
        }
        FakePlan error = new FakePlan().finding("odd", Finding.Severity.ERROR, Finding.Category.LOCKING_RISK);
        assertThat(eval(Policy.requireApproval(), error)).hasSize(1);
    }

    @Test
    void a_rule_applies_only_in_the_environments_it_names() {
        FakePlan plan = new FakePlan().finding("drop-column", Finding.Severity.ERROR, Finding.Category.BREAKING);
        plan.environment = "staging";
        assertThat(eval(Policy.requireApproval("prod"), plan)).isEmpty();
        assertThat(eval(Policy.requireApproval(), plan)).hasSize(1);
    }

    @Test
    void maxRows_flags_data_steps_over_the_limit_only() {
        FakePlan plan = new FakePlan();
        plan.artifacts.add(artifact("country", StepKind.DATA, 3));
        plan.artifacts.add(artifact("flags", StepKind.CONFIG, 50));
        assertThat(eval(Policy.maxRows(3), plan)).isEmpty();
        assertThat(eval(Policy.maxRows(2), plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.TOO_MANY_ROWS);
            assertThat(v.message()).contains("V2__country.csv (3 rows into country)").doesNotContain("flags");
            assertThat(v.waivable()).isTrue();
        });
    }

    private static PlannedArtifact artifact(String name, StepKind kind, long rows) {
        return new PlannedArtifact(ArtifactVersion.parse(name + "@2+sha256:" + "1".repeat(64)), kind,
                "V2__" + name + (kind == StepKind.DATA ? ".csv" : ".config.json"), name, "upsert", rows, false);
    }

    @Test
    void releaseWindow_is_open_inside_and_closed_outside_with_the_next_opening() {
        Policy weekdays = Policy.releaseWindow(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY), "prod");
        FakePlan plan = new FakePlan();
        plan.time = Instant.parse("2026-12-07T08:00:00Z"); // Monday 09:00 in Berlin
        assertThat(eval(weekdays, plan)).isEmpty();
        plan.time = Instant.parse("2026-12-07T15:59:59Z"); // 16:59:59
        assertThat(eval(weekdays, plan)).isEmpty();
        plan.time = Instant.parse("2026-12-07T16:00:00Z"); // 17:00: closed
        assertThat(eval(weekdays, plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.OUTSIDE_WINDOW);
            assertThat(v.waivable()).isFalse();
            assertThat(v.message()).contains("MON 17:00", "09:00-17:00 Europe/Berlin");
            assertThat(v.remedy()).contains("2026-12-08T09:00+01:00");
        });
        plan.time = Instant.parse("2026-12-12T10:00:00Z"); // Saturday
        assertThat(eval(weekdays, plan)).singleElement()
                .satisfies(v -> assertThat(v.remedy()).contains("2026-12-14T09:00+01:00"));
    }

    @Test
    void releaseWindow_past_midnight_belongs_to_the_day_it_opens() {
        Policy night = Policy.releaseWindow(ZoneId.of("UTC"), LocalTime.of(22, 0), LocalTime.of(2, 0),
                Set.of(DayOfWeek.SATURDAY));
        FakePlan plan = new FakePlan();
        plan.time = Instant.parse("2026-12-12T23:00:00Z"); // Saturday 23:00
        assertThat(eval(night, plan)).isEmpty();
        plan.time = Instant.parse("2026-12-13T01:59:00Z"); // Sunday 01:59, still Saturday's window
        assertThat(eval(night, plan)).isEmpty();
        plan.time = Instant.parse("2026-12-13T23:00:00Z"); // Sunday 23:00
        assertThat(eval(night, plan)).hasSize(1);
    }

    @Test
    void leastPrivilege_refuses_a_superuser_and_plain_text_to_another_host() {
        FakePlan plan = new FakePlan();
        assertThat(eval(Policy.leastPrivilege("prod"), plan)).isEmpty();
        plan.connection = new ConnectionFacts("postgresql", "postgres", true, "rolsuper", true, "db.internal", false);
        assertThat(eval(Policy.leastPrivilege("prod"), plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.PRIVILEGED_CONNECTION);
            assertThat(v.message()).contains("as postgres, a superuser (rolsuper)");
        });
        plan.connection = new ConnectionFacts("mysql", "app@%", false, null, false, "db.internal", false);
        assertThat(eval(Policy.leastPrivilege("prod"), plan)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("on db.internal without TLS"));
        plan.connection = new ConnectionFacts("mysql", "app@%", false, null, false, "127.0.0.1", true);
        assertThat(eval(Policy.leastPrivilege("prod"), plan)).isEmpty();
        plan.environment = "dev";
        plan.connection = new ConnectionFacts("postgresql", "postgres", true, "rolsuper", false, "db", false);
        assertThat(eval(Policy.leastPrivilege("prod"), plan)).isEmpty();
    }

    @Test
    void destructiveNeedsUndo_blocks_uncovered_statements() {
        FakePlan plan = new FakePlan();
        assertThat(eval(Policy.destructiveNeedsUndo(), plan)).isEmpty();
        plan.uncovered.add(new Finding("destructive-without-undo", Finding.Severity.ERROR,
                Finding.Category.DATA_DESTRUCTIVE, "2", "db/V2__purge.sql", 3, "DELETE t with WHERE changes rows"));
        assertThat(eval(Policy.destructiveNeedsUndo(), plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.DESTRUCTIVE_WITHOUT_UNDO);
            assertThat(v.message()).contains("db/V2__purge.sql:3");
            assertThat(v.remedy()).contains("undo script U<version>__<description>.sql");
            assertThat(v.waivable()).isFalse();
        });
    }

    @Test
    void requireAttestation_reports_the_promotion_gates_reason() {
        FakePlan plan = new FakePlan();
        assertThat(eval(Policy.requireAttestation("staging", "prod"), plan)).isEmpty();
        plan.attestationProblem = "DRM-PROMO-002: none was given";
        assertThat(eval(Policy.requireAttestation("staging", "prod"), plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.ATTESTATION_REQUIRED);
            assertThat(v.message()).contains("from staging", "DRM-PROMO-002");
        });
    }

    @Test
    void maskClassifiedColumns_blocks_what_the_guard_finds_unmasked() {
        FakePlan plan = new FakePlan();
        ClassifiedColumn ssn = new ClassifiedColumn("V2__person.csv", "person", "ssn", List.of("PII"));
        plan.classified.add(ssn);
        assertThat(eval(Policy.maskClassifiedColumns((env, cols) -> List.of()), plan)).isEmpty();
        assertThat(eval(Policy.maskClassifiedColumns((env, cols) -> cols), plan)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(PolicyViolationException.UNMASKED_COLUMNS);
            assertThat(v.message()).contains("person.ssn [PII] in V2__person.csv");
        });
    }

    @Test
    void a_findings_user_rule_matches_by_rule_glob_category_and_minimum_severity() {
        Policy p = Policy.parse("{\"version\":1,\"rules\":[{\"rule\":\"findings\",\"id\":\"no-pg-locks\","
                + "\"match\":{\"rule\":\"pg-*\",\"severity\":\"WARNING\"},\"action\":\"require-approval\"}]}");
        FakePlan plan = new FakePlan().finding("pg-set-not-null", Finding.Severity.INFO, Finding.Category.LOCKING_RISK)
                .finding("mysql-copy", Finding.Severity.WARNING, Finding.Category.LOCKING_RISK);
        assertThat(eval(p, plan)).isEmpty();
        plan.finding("pg-index-without-concurrently", Finding.Severity.WARNING, Finding.Category.LOCKING_RISK);
        assertThat(eval(p, plan)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("no-pg-locks");
            assertThat(v.code()).isEqualTo(PolicyViolationException.USER_RULE);
            assertThat(v.waivable()).isTrue();
            assertThat(v.message()).contains("1 finding", "pg-index-without-concurrently");
        });
    }

    @Test
    void waivable_in_a_file_overrides_a_rules_default() {
        Policy p = Policy.parse("version: 1\nrules:\n  - rule: max-rows\n    limit: 1\n    waivable: false\n");
        FakePlan plan = new FakePlan();
        plan.artifacts.add(artifact("country", StepKind.DATA, 3));
        assertThat(eval(p, plan)).singleElement().satisfies(v -> assertThat(v.waivable()).isFalse());
    }

    @Test
    void a_java_rule_is_evaluated_like_a_built_in_one() {
        ReleasePolicy noMondays = plan -> plan.time().atZone(ZoneId.of("UTC")).getDayOfWeek() == DayOfWeek.MONDAY
                ? List.of(new PolicyViolation("no-mondays", PolicyViolationException.USER_RULE, "it is Monday",
                        "release tomorrow", false)) : List.of();
        assertThat(eval(Policy.of(noMondays), new FakePlan())).extracting(PolicyViolation::rule)
                .containsExactly("no-mondays");
    }
}
