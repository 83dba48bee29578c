package io.drm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one ECS encoder writes exactly the canonical JSON of the ECS document, with and without chain fields. */
final class EcsDocumentTest {

    @Test
    void the_document_is_the_canonical_json_of_the_ecs_shape() {
        EcsDocument ecs = new EcsDocument(new CanonicalJson());
        Random random = new Random(3);
        for (int n = 0; n < 1_000; n++) {
            AuditEvent event = event(random, n % 3 == 0);
            byte[] prev = new byte[32];
            random.nextBytes(prev);
            long seq = 1 + random.nextInt(1_000_000);

            assertThat(new String(ecs.encode(event), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(new CanonicalJson().encode(shape(event, null, 0)),
                            java.nio.charset.StandardCharsets.UTF_8));
            assertThat(ecs.encode(event, prev, seq)).isEqualTo(new CanonicalJson().encode(shape(event, prev, seq)));
        }
    }

    /** The ECS shape as sorted maps, the reference the encoder must match. */
    private static Map<String, Object> shape(AuditEvent e, byte[] prev, long seq) {
        Map<String, Object> drm = new TreeMap<>();
        drm.put("target", e.target());
        if (prev != null) {
            drm.put("prev", HexFormat.of().formatHex(prev));
            drm.put("seq", seq);
        }
        Map<String, Object> event = new TreeMap<>();
        event.put("action", e.action());
        event.put("category", List.of("database"));
        event.put("id", e.id());
        event.put("kind", "event");
        event.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        event.put("type", List.of("change"));
        Map<String, Object> doc = new TreeMap<>();
        doc.put("@timestamp", e.time().toString());
        doc.put("drm", drm);
        doc.put("ecs", Map.of("version", EcsDocument.ECS_VERSION));
        doc.put("event", event);
        doc.put("labels", new TreeMap<>(e.details()));
        doc.put("service", Map.of("environment", e.environment()));
        doc.put("user", Map.of("name", e.actor()));
        return doc;
    }

    private static AuditEvent event(Random random, boolean reversedDetails) {
        TreeMap<String, String> details = reversedDetails ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>();
        for (int k = random.nextInt(6); k > 0; k--) {
            details.put(text(random, 8), text(random, 30));
        }
        return new AuditEvent(text(random, 36), Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)), text(random, 12), "a." + text(random, 6),
                text(random, 8), text(random, 20), AuditEvent.Outcome.values()[random.nextInt(3)], details);
    }

    private static String text(Random random, int max) {
        return RandomText.of(random, max);
    }
}
