package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.audit.internal.EcsDocument;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event as one line of Elastic Common Schema JSON (the same document as the
 * tamper-evident sinks, without the chain fields) to an SLF4J logger, at INFO, or WARN for
 * failures. For log pipelines that already collect application logs; it is not tamper-evident, so
 * pair it with {@link JdbcAuditSink} or {@link JsonLinesAuditSink} in a {@link CompositeAuditSink}
 * when the trail must be verifiable.
 *
 * <pre>{@code
 * AuditSink audit = CompositeAuditSink.builder()
 *         .required(JsonLinesAuditSink.open(Path.of("/var/log/app/audit.jsonl")))
 *         .optional(Slf4jAuditSink.create())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. The logger may drop lines (that is the logging backend's choice), so the sink
 * reports no failures.
 */
public final class Slf4jAuditSink implements AuditSink {

    /** The default logger name. */
    public static final String LOGGER_NAME = "io.drm.audit";

    private final Logger log;

    private Slf4jAuditSink(Logger log) {
        this.log = log;
    }

    /** @return a sink writing to the {@code io.drm.audit} logger */
    public static Slf4jAuditSink create() {
        return new Slf4jAuditSink(LoggerFactory.getLogger(LOGGER_NAME));
    }

    /**
     * @param loggerName the logger to write to
     * @return a sink writing to that logger
     */
    public static Slf4jAuditSink create(String loggerName) {
        return new Slf4jAuditSink(LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName")));
    }

    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        boolean failure = event.outcome() == AuditEvent.Outcome.FAILURE;
        if (failure ? log.isWarnEnabled() : log.isInfoEnabled()) {
            String line = new String(new CanonicalJson().encode(EcsDocument.of(event)), StandardCharsets.UTF_8);
            if (failure) {
                log.warn("{}", line);
            } else {
                log.info("{}", line);
            }
        }
    }
}
