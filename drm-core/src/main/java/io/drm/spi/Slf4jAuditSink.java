package io.drm.spi;

import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AuditSink}, and the only SLF4J one: writes each event as one log line at INFO
 * (WARN for failures) to an SLF4J logger, {@code io.drm.audit} unless another is named. The line
 * is {@code action id actor=... environment=... target=... outcome=... details={...}} unless a
 * format is given; drm-audit's {@code EcsFormat::line} gives Elastic Common Schema JSON. It is not
 * tamper-evident; drm-audit has durable sinks.
 *
 * <pre>{@code
 * AuditSink plain = Slf4jAuditSink.create();
 * AuditSink ecs = Slf4jAuditSink.create("io.drm.audit", EcsFormat::line);
 * }</pre>
 *
 * <p>Thread-safe. The logging backend may drop lines, so the sink reports no failures.
 */
public final class Slf4jAuditSink implements AuditSink {

    /** The logger name events go to by default. */
    public static final String LOGGER_NAME = "io.drm.audit";

    private final Logger log;
    private final Function<AuditEvent, String> format;

    /**
     * Creates a sink writing to the {@code io.drm.audit} logger.
     *
     * @deprecated use {@link #create()}, the factory the other sinks have too
     */
    @Deprecated
    public Slf4jAuditSink() {
        this(LoggerFactory.getLogger(LOGGER_NAME), null);
    }

    private Slf4jAuditSink(Logger log, Function<AuditEvent, String> format) {
        this.log = log;
        this.format = format;
    }

    /** @return a sink writing plain lines to the {@code io.drm.audit} logger */
    public static Slf4jAuditSink create() {
        return new Slf4jAuditSink(LoggerFactory.getLogger(LOGGER_NAME), null);
    }

    /**
     * @param loggerName the logger to write to
     * @return a sink writing plain lines to that logger
     * @throws NullPointerException if {@code loggerName} is null
     */
    public static Slf4jAuditSink create(String loggerName) {
        return new Slf4jAuditSink(LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName")), null);
    }

    /**
     * @param loggerName the logger to write to
     * @param format makes the line of an event (for example drm-audit's {@code EcsFormat::line})
     * @return a sink writing formatted lines to that logger
     * @throws NullPointerException if an argument is null
     */
    public static Slf4jAuditSink create(String loggerName, Function<AuditEvent, String> format) {
        return new Slf4jAuditSink(LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName")),
                Objects.requireNonNull(format, "format"));
    }

    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        boolean failure = event.outcome() == AuditEvent.Outcome.FAILURE;
        if (!(failure ? log.isWarnEnabled() : log.isInfoEnabled())) {
            return;
        }
        if (format != null) {
            String line = format.apply(event);
            if (failure) {
                log.warn("{}", line);
            } else {
                log.info("{}", line);
            }
        } else if (failure) {
            log.warn("{} {} actor={} environment={} target={} outcome={} details={}", event.action(), event.id(),
                    event.actor(), event.environment(), event.target(), event.outcome(), event.details());
        } else {
            log.info("{} {} actor={} environment={} target={} outcome={} details={}", event.action(), event.id(),
                    event.actor(), event.environment(), event.target(), event.outcome(), event.details());
        }
    }
}
