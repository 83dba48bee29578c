package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import io.drm.spi.Slf4jAuditSink;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one SLF4J sink (drm-core) with drm-audit's ECS format. */
final class Slf4jAuditSinkTest {

    @Test
    void each_event_is_one_ecs_json_line_at_info_or_warn() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Slf4jAuditSink sink = Slf4jAuditSink.create("io.drm.audit.test", EcsFormat::line);
            sink.append(Events.event(1));
            sink.append(Events.event(7));
        } finally {
            System.setErr(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("INFO").contains("io.drm.audit.test");
        assertThat(lines[1]).contains("WARN");
        JsonNode doc = new ObjectMapper().readTree(lines[0].substring(lines[0].indexOf('{')));
        assertThat(doc.at("/event/action").asText()).isEqualTo("migration.applied");
        assertThat(doc.at("/user/name").asText()).isEqualTo("ci-bot");
        assertThat(doc.at("/labels/releaseId").asText()).isEqualTo("rel-0");
        assertThat(doc.at("/drm/target").asText()).isEqualTo("postgresql/app");
        assertThat(doc.has("drm") && doc.get("drm").has("hash")).isFalse();
    }
}
