package io.drm.audit;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Map;

/** Test events. */
final class Events {

    private Events() {
    }

    static AuditEvent event(int n) {
        return AuditEvent.of("event-" + n, Instant.parse("2026-11-25T10:00:00Z").plusMillis(n), "ci-bot",
                n % 3 == 0 ? "release.completed" : "migration.applied", n % 2 == 0 ? "prod" : "staging",
                "postgresql/app", n % 7 == 0 ? AuditEvent.Outcome.FAILURE : AuditEvent.Outcome.SUCCESS,
                Map.of("releaseId", "rel-" + (n / 10), "version", String.valueOf(n), "note", "caf\u00e9 \"q\"\n"));
    }
}
