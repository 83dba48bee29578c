package io.drm.spring.internal;

import io.drm.AppliedStep;
import io.drm.DrmException;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import io.drm.spi.ReleaseListener;
import io.drm.spi.ReleaseSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Optional;

/**
 * drm's Micrometer meters: {@code drm.release} (timer; tags outcome, environment),
 * {@code drm.release.steps} (counter; tag environment), {@code drm.audit.events} (counter; tag
 * action) and {@code drm.masking.rows} (counter, from {@code masking.completed} events' rows).
 */
public final class ReleaseMetrics implements ReleaseListener, ReleaseDecorator {

    private final MeterRegistry registry;

    /**
     * @param registry the application's registry
     * @param environment the environment, so the meters exist (at zero) before the first release
     */
    public ReleaseMetrics(MeterRegistry registry, String environment) {
        this.registry = registry;
        steps(environment);
        maskingRows();
    }

    @Override
    public void onStepApplied(ReleaseSummary release, AppliedStep step) {
        steps(release.environment()).increment();
    }

    @Override
    public void onReleaseCompleted(ReleaseSummary release) {
        time(release);
    }

    @Override
    public void onUpToDate(ReleaseSummary release) {
        time(release);
    }

    @Override
    public void onReleaseFailed(ReleaseSummary release, DrmException failure) {
        time(release);
    }

    @Override
    public ReleaseListener listener() {
        return this;
    }

    /**
     * Wraps a sink so that the events it records are counted.
     *
     * @param sink the sink
     * @return the counting sink
     */
    @Override
    public AuditSink decorate(AuditSink sink) {
        return new Counting(sink);
    }

    private void time(ReleaseSummary release) {
        Timer.builder("drm.release").description("drm releases and startup checks")
                .tag("outcome", release.outcome().name().toLowerCase(Locale.ROOT))
                .tag("environment", release.environment())
                .register(registry).record(release.duration());
    }

    private Counter steps(String environment) {
        return Counter.builder("drm.release.steps").description("release steps applied")
                .tag("environment", environment).register(registry);
    }

    private Counter maskingRows() {
        return Counter.builder("drm.masking.rows").description("rows masked by masking jobs").register(registry);
    }

    private final class Counting implements AuditSink {
        private final AuditSink delegate;

        Counting(AuditSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(AuditEvent event) {
            delegate.append(event);
            Counter.builder("drm.audit.events").description("audit events recorded").tag("action", event.action())
                    .register(registry).increment();
            if ("masking.completed".equals(event.action())) {
                String rows = event.details().get("rows");
                if (rows != null && rows.matches("\\d{1,18}")) {
                    maskingRows().increment(Long.parseLong(rows));
                }
            }
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public Optional<AuditCheckpoint> checkpoint() {
            return delegate.checkpoint();
        }
    }
}
