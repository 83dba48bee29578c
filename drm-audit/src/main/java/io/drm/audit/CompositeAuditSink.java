package io.drm.audit;

import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every event to several sinks, in the order they were added. Fail-closed: when a
 * <em>required</em> sink fails, the composite fails (so the release engine does not start a release
 * it cannot audit, or reports that the audit trail misses an event); an <em>optional</em> sink's
 * failure is logged at WARN and the event still counts as recorded.
 *
 * <pre>{@code
 * AuditSink audit = CompositeAuditSink.builder()
 *         .required(JdbcAuditSink.open(dataSource))
 *         .required(JsonLinesAuditSink.open(Path.of("/var/log/app/audit.jsonl")))
 *         .optional(Slf4jAuditSink.create("io.drm.audit", EcsFormat::line))
 *         .build();
 * }</pre>
 *
 * <p>The sinks are called one after the other, so when a later required sink fails an earlier one
 * may already hold the event; the exception says which sinks did. {@link #checkpoint()} asks every
 * sink and returns the first checkpoint a required sink gives. {@link #close()} closes every sink
 * that is {@link AutoCloseable}. Thread-safe when its sinks are.
 */
public final class CompositeAuditSink implements AuditSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeAuditSink.class);

    private record Member(AuditSink sink, boolean required) {
    }

    private final List<Member> members;

    private CompositeAuditSink(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /**
     * @param required sinks that must all record every event
     * @return the composite
     * @throws IllegalArgumentException if no sink is given
     */
    public static CompositeAuditSink of(AuditSink... required) {
        Builder builder = builder();
        for (AuditSink sink : required) {
            builder.required(sink);
        }
        return builder.build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            try {
                m.sink().append(event);
                recorded.add(name(i));
            } catch (RuntimeException e) {
                if (m.required()) {
                    throw new AuditStoreException("required audit sink " + name(i) + " could not record "
                            + event.action() + ": " + e.getMessage() + (recorded.isEmpty() ? ""
                            : " (already recorded by " + String.join(", ", recorded) + ")"), e);
                }
                LOG.warn("optional audit sink {} could not record {} {}: {}", name(i), event.action(), event.id(),
                        e.toString());
            }
        }
    }

    @Override
    public void flush() {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            try {
                m.sink().flush();
            } catch (RuntimeException e) {
                if (m.required()) {
                    throw new AuditStoreException("required audit sink " + name(i) + " could not flush: "
                            + e.getMessage(), e);
                }
                LOG.warn("optional audit sink {} could not flush: {}", name(i), e.toString());
            }
        }
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint() {
        Optional<AuditCheckpoint> first = Optional.empty();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            try {
                Optional<AuditCheckpoint> cp = m.sink().checkpoint();
                if (first.isEmpty() && m.required()) {
                    first = cp;
                }
            } catch (RuntimeException e) {
                if (m.required()) {
                    throw new AuditStoreException("required audit sink " + name(i) + " could not write a checkpoint: "
                            + e.getMessage(), e);
                }
                LOG.warn("optional audit sink {} could not write a checkpoint: {}", name(i), e.toString());
            }
        }
        return first;
    }

    /**
     * Closes every sink that is {@link AutoCloseable}, all of them even when one fails.
     *
     * @throws AuditStoreException if one failed; later failures are suppressed in it
     */
    @Override
    public void close() {
        AuditStoreException failure = null;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).sink() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new AuditStoreException("audit sink " + name(i) + " could not close: "
                                + e.getMessage(), e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private String name(int i) {
        return "#" + (i + 1) + " (" + members.get(i).sink().getClass().getSimpleName() + ")";
    }

    @Override
    public String toString() {
        return "CompositeAuditSink" + members;
    }

    /** Collects the sinks of a {@link CompositeAuditSink}. */
    public static final class Builder {

        private final List<Member> members = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param sink a sink that must record every event
         * @return this
         */
        public Builder required(AuditSink sink) {
            members.add(new Member(Objects.requireNonNull(sink, "sink"), true));
            return this;
        }

        /**
         * @param sink a sink whose failures are only logged
         * @return this
         */
        public Builder optional(AuditSink sink) {
            members.add(new Member(Objects.requireNonNull(sink, "sink"), false));
            return this;
        }

        /**
         * @return the composite
         * @throws IllegalArgumentException if no sink was added, or none is required
         */
        public CompositeAuditSink build() {
            if (members.stream().noneMatch(Member::required)) {
                throw new IllegalArgumentException("a composite audit sink needs at least one required sink");
            }
            return new CompositeAuditSink(members);
        }
    }
}
