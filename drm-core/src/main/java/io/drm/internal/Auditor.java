package io.drm.internal;

import io.drm.AuditException;
import io.drm.spi.AuditEvent;
import java.util.Map;

/** Writes a release's audit events to the configured sink. */
final class Auditor {

    private final Settings settings;
    private final String target;

    Auditor(Settings settings, String target) {
        this.settings = settings;
        this.target = target;
    }

    /**
     * Appends an event; a sink failure becomes an {@link AuditException} with the given context.
     */
    void append(String action, AuditEvent.Outcome outcome, Map<String, String> details, String ifFails) {
        AuditEvent event = AuditEvent.of(settings.ids().get(), settings.clock().instant(), settings.actor(), action,
                settings.environment(), target, outcome, details);
        try {
            settings.auditSink().append(event);
        } catch (RuntimeException e) {
            throw new AuditException("the audit sink could not record " + action + ": "
                    + Failures.firstLine(e.getMessage()) + ". " + ifFails, e);
        }
    }

    /** Flushes the sink. */
    void flush(String ifFails) {
        try {
            settings.auditSink().flush();
        } catch (RuntimeException e) {
            throw new AuditException("the audit sink could not flush: " + Failures.firstLine(e.getMessage()) + ". "
                    + ifFails, e);
        }
    }
}
