package io.drm.spring.internal;

import io.drm.spi.AuditSink;
import io.drm.spring.DrmBootConfigurationException;
import io.drm.spring.DrmProperties;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit sink of the startup release: the application's {@code AuditSink} beans plus the sinks
 * {@code drm.audit.*} asks for. Closes the sinks it opened when the context closes.
 */
public final class ReleaseAuditSinks implements AutoCloseable {

    private final List<AuditSink> opened;
    private final AuditSink sink;

    /**
     * @param properties the {@code drm.audit.*} properties
     * @param dataSource the application's data source (for {@code drm.audit.jdbc})
     * @param beans the application's own sinks
     * @throws DrmBootConfigurationException if a durable sink is asked for without drm-audit, or a
     *     signing key without a sink
     */
    public ReleaseAuditSinks(DrmProperties.Audit properties, DataSource dataSource, List<AuditSink> beans) {
        boolean durable = properties.isJdbc() || properties.getFile() != null;
        if (properties.getSigningKey() != null && !durable) {
            throw new DrmBootConfigurationException("drm.audit.signing-key is set but no sink would sign with it;"
                    + " set drm.audit.jdbc=true or drm.audit.file=PATH, or remove drm.audit.signing-key");
        }
        if (durable && !drmAuditPresent()) {
            throw new DrmBootConfigurationException("drm.audit.jdbc or drm.audit.file is set, but drm-audit is not on"
                    + " the class path; add the io.drm:drm-audit dependency or remove those properties");
        }
        this.opened = durable ? DurableAuditSinks.open(properties, dataSource) : List.of();
        List<AuditSink> all = new ArrayList<>(beans);
        all.addAll(opened);
        if (all.isEmpty()) {
            this.sink = null;
        } else if (all.size() == 1) {
            this.sink = all.get(0);
        } else if (drmAuditPresent()) {
            this.sink = DurableAuditSinks.all(all);
        } else {
            this.sink = new FanOutAuditSink(all);
        }
    }

    /**
     * @return the sink for the release, or {@code null} for drm's default (the SLF4J logger)
     */
    public AuditSink sink() {
        return sink;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AuditSink s : opened) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static boolean drmAuditPresent() {
        try {
            Class.forName("io.drm.audit.JdbcAuditSink", false, ReleaseAuditSinks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Several sinks, every one required, when drm-audit's composite is not there. */
    private record FanOutAuditSink(List<AuditSink> sinks) implements AuditSink {
        @Override
        public void append(io.drm.spi.AuditEvent event) {
            for (AuditSink s : sinks) {
                s.append(event);
            }
        }

        @Override
        public void flush() {
            for (AuditSink s : sinks) {
                s.flush();
            }
        }
    }
}
