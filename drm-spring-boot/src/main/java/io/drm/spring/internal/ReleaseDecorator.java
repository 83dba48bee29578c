package io.drm.spring.internal;

import io.drm.spi.AuditSink;
import io.drm.spi.ReleaseListener;

/**
 * Something the starter adds to the release without naming its types in the auto-configuration
 * (metrics, whose Micrometer classes may be absent): a listener and a wrapper of the audit sink.
 */
public interface ReleaseDecorator {

    /**
     * @return the listener to add
     */
    ReleaseListener listener();

    /**
     * @param sink the release's audit sink
     * @return the sink to use instead
     */
    AuditSink decorate(AuditSink sink);
}
