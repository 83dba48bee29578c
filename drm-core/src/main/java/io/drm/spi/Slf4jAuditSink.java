package io.drm.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AuditSink}: writes each event as one log line at INFO (WARN for failures) to
 * the SLF4J logger {@code io.drm.audit}. It is not tamper-evident; drm-audit has durable sinks.
 * Thread-safe.
 */
public final class Slf4jAuditSink implements AuditSink {

    /** The logger name events go to. */
    public static final String LOGGER_NAME = "io.drm.audit";

    private final Logger log;

    /** Creates a sink writing to the {@code io.drm.audit} logger. */
    public Slf4jAuditSink() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    private Slf4jAuditSink(Logger log) {
        this.log = log;
    }

    @Override
    public void append(AuditEvent event) {
        if (event.outcome() == AuditEvent.Outcome.FAILURE) {
            log.warn("{} {} actor={} environment={} target={} outcome={} details={}", event.action(), event.id(),
                    event.actor(), event.environment(), event.target(), event.outcome(), event.details());
        } else if (log.isInfoEnabled()) {
            log.info("{} {} actor={} environment={} target={} outcome={} details={}", event.action(), event.id(),
                    event.actor(), event.environment(), event.target(), event.outcome(), event.details());
        }
    }
}
