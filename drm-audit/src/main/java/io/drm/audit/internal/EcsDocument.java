package io.drm.audit.internal;

import io.drm.spi.AuditEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The Elastic Common Schema document of an event, without drm's chain fields. */
public final class EcsDocument {

    /** The ECS version the documents follow. */
    public static final String ECS_VERSION = "8.11.0";

    private static final List<String> CATEGORY = List.of("database");
    private static final List<String> TYPE = List.of("change");

    private EcsDocument() {
    }

    /**
     * @param e the event
     * @return its document as sorted maps, with {@code drm.target} as the only drm field
     */
    public static Map<String, Object> of(AuditEvent e) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("@timestamp", e.time().toString());
        Map<String, Object> drm = new TreeMap<>();
        drm.put("target", e.target());
        doc.put("drm", drm);
        doc.put("ecs", Map.of("version", ECS_VERSION));
        Map<String, Object> event = new TreeMap<>();
        event.put("action", e.action());
        event.put("category", CATEGORY);
        event.put("id", e.id());
        event.put("kind", "event");
        event.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        event.put("type", TYPE);
        doc.put("event", event);
        doc.put("labels", e.details());
        doc.put("service", Map.of("environment", e.environment()));
        doc.put("user", Map.of("name", e.actor()));
        return doc;
    }
}
