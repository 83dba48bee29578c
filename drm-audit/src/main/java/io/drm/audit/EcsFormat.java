package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.audit.internal.EcsDocument;
import io.drm.spi.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An event as one line of Elastic Common Schema JSON: the document the tamper-evident sinks store,
 * without the chain fields. For {@link io.drm.spi.Slf4jAuditSink}, when a log pipeline that
 * collects application logs should receive audit events as ECS documents:
 *
 * <pre>{@code
 * AuditSink audit = CompositeAuditSink.builder()
 *         .required(JsonLinesAuditSink.open(Path.of("/var/log/app/audit.jsonl")))
 *         .optional(Slf4jAuditSink.create("io.drm.audit", EcsFormat::line))
 *         .build();
 * }</pre>
 */
public final class EcsFormat {

    private EcsFormat() {
    }

    /**
     * @param event the event
     * @return its ECS document as one line of canonical JSON
     * @throws NullPointerException if {@code event} is null
     */
    public static String line(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return new String(new EcsDocument(new CanonicalJson()).encode(event), StandardCharsets.UTF_8);
    }
}
