package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DryRunReportTest {

    private static final ReleaseStep STEP = new ReleaseStep("2", "drop email", StepKind.SQL, "sha256:00",
            "V2__drop_email.sql");

    @Test
    void a_failed_step_must_carry_its_error() {
        assertThatThrownBy(() -> new DryRunReport.Step(STEP, DryRunReport.Status.FAILED, null, List.of(),
                Duration.ZERO, 0, List.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V2__drop_email.sql");
    }

    @Test
    void explain_and_json_carry_findings_errors_and_sums() throws Exception {
        DryRunReport.Statement drop = new DryRunReport.Statement(0, 3, "ALTER TABLE c DROP COLUMN email",
                DryRunReport.Status.FAILED, null, Duration.ofNanos(1_234_567), 0, List.of("DROP_COLUMN"));
        DryRunReport.Step step = new DryRunReport.Step(STEP, DryRunReport.Status.FAILED, null, List.of(drop),
                Duration.ofNanos(1_234_567), 0,
                List.of(new DryRunReport.Finding("DROP_COLUMN", 3, "ALTER TABLE c DROP COLUMN email")),
                new DryRunReport.Failure(3, "ALTER TABLE c DROP COLUMN email", "column does not exist", "42703"));
        DryRunReport report = new DryRunReport("abc", "1", "2", DryRunReport.Mode.SHADOW_DATABASE, "shadow x",
                List.of(step), Duration.ofMillis(5));

        assertThat(report.failed()).isTrue();
        assertThat(report.destructive()).hasSize(1);
        assertThat(report.explain()).contains("FAILS at V2__drop_email.sql")
                .contains("error at line 3: column does not exist")
                .contains("destructive DROP_COLUMN at line 3").contains("1 destructive statement,");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("failed").asBoolean()).isTrue();
        JsonNode s = json.get("steps").get(0);
        assertThat(s.get("error").get("sqlState").asText()).isEqualTo("42703");
        assertThat(s.get("destructive").get(0).get("action").asText()).isEqualTo("DROP_COLUMN");
        assertThat(s.get("statements").get(0).get("durationMs").asDouble()).isEqualTo(1.235);
    }
}
