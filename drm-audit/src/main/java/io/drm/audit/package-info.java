/**
 * Durable, tamper-evident {@link io.drm.spi.AuditSink} implementations.
 *
 * <p>This module is a placeholder until its own issue lands; drm-core's default sink writes
 * audit events to SLF4J.
 */
package io.drm.audit;
