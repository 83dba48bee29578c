/**
 * A durable, tamper-evident audit trail for drm's releases.
 *
 * <ul>
 *   <li>Sinks: {@link io.drm.audit.JdbcAuditSink} (table {@code drm_audit_log}; many threads and
 *       processes form one chain), {@link io.drm.audit.JsonLinesAuditSink} (Elastic Common Schema
 *       JSON lines), {@link io.drm.audit.EcsFormat} (ECS lines for {@link io.drm.spi.Slf4jAuditSink}) and {@link io.drm.audit.CompositeAuditSink}.</li>
 *   <li>Tamper evidence: every entry is hash-chained to the one before; an RFC 6962 Merkle tree
 *       ({@link io.drm.audit.Rfc6962}) over the entries is checkpointed and signed with Ed25519
 *       ({@link io.drm.audit.AuditSigningKey}, {@link io.drm.audit.Checkpoint}).</li>
 *   <li>Verification and proofs: {@link io.drm.audit.AuditVerifier},
 *       {@link io.drm.audit.InclusionProof}, {@link io.drm.audit.ConsistencyProof}.</li>
 *   <li>Reading: {@link io.drm.audit.AuditLog}, {@link io.drm.audit.AuditQuery},
 *       {@link io.drm.audit.ComplianceReport}.</li>
 * </ul>
 */
package io.drm.audit;
