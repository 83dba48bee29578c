package io.drm.internal;

import io.drm.AuditException;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Asks the sink for a checkpoint of its log and, when it gives one, puts the tree size, root
     * hash and key id into {@code details} (the details of the event that ends the release).
     */
    void checkpoint(Map<String, String> details, String ifFails) {
        Optional<AuditCheckpoint> checkpoint;
        try {
            checkpoint = settings.auditSink().checkpoint();
        } catch (RuntimeException e) {
            throw new AuditException("the audit sink could not write a checkpoint: "
                    + Failures.firstLine(e.getMessage()) + ". " + ifFails, e);
        }
        checkpoint.ifPresent(c -> {
            details.put("auditTreeSize", String.valueOf(c.treeSize()));
            details.put("auditRootHash", c.rootHash());
            if (c.keyId() != null) {
                details.put("auditKeyId", c.keyId());
            }
        });
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
