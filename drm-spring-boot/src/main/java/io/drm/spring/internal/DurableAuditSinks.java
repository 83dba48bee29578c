package io.drm.spring.internal;

import io.drm.audit.AuditSigningKey;
import io.drm.audit.JdbcAuditSink;
import io.drm.audit.JsonLinesAuditSink;
import io.drm.spi.AuditSink;
import io.drm.spring.DrmProperties;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Opens drm-audit's sinks that {@code drm.audit.*} asks for. Only loaded when drm-audit is on the
 * class path.
 */
final class DurableAuditSinks {

    private DurableAuditSinks() {
    }

    static List<AuditSink> open(DrmProperties.Audit audit, DataSource dataSource) {
        AuditSigningKey key = audit.getSigningKey() == null ? null
                : AuditSigningKey.fromPemFile(audit.getSigningKey());
        List<AuditSink> sinks = new ArrayList<>();
        if (audit.isJdbc()) {
            JdbcAuditSink.Builder builder = JdbcAuditSink.builder(dataSource);
            if (key != null) {
                builder.signingKey(key);
            }
            sinks.add(builder.build());
        }
        if (audit.getFile() != null) {
            JsonLinesAuditSink.Builder builder = JsonLinesAuditSink.builder(audit.getFile());
            if (key != null) {
                builder.signingKey(key);
            }
            sinks.add(builder.build());
        }
        return sinks;
    }

    static AuditSink all(List<AuditSink> sinks) {
        return io.drm.audit.CompositeAuditSink.of(sinks.toArray(AuditSink[]::new));
    }
}
