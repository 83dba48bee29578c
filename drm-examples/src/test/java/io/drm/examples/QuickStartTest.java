package io.drm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.ReleaseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class QuickStartTest {

    @Test
    void the_quick_start_releases_four_steps_and_prints_plan_and_result() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReleaseResult result = QuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(result.appliedSteps()).hasSize(4);
        assertThat(result.toVersion()).isEqualTo("3");
        assertThat(out).contains("Release plan ").contains("<empty> -> 3, 4 steps")
                .contains("applied V1__create_country.sql").contains("Second start: UP_TO_DATE at version 3");
    }
}
