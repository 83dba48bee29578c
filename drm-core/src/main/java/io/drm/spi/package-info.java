/**
 * Plug-in interfaces of drm: {@link io.drm.spi.AuditSink} with {@link io.drm.spi.AuditEvent},
 * and {@link io.drm.spi.Masker}. drm-audit and drm-masking implement them; applications may too.
 */
package io.drm.spi;
