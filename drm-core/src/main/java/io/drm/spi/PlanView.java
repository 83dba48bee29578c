package io.drm.spi;

import io.drm.Finding;
import io.drm.PlannedArtifact;
import io.drm.ReleaseStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ReleasePolicy} sees of a release plan: the plan, where it goes, when, over which
 * connection, and what drm found in it. Facts that need a query ({@link #connection()}) are read
 * once, when a rule first asks.
 */
public interface PlanView {

    /**
     * Returns the plan's id.
     *
     * @return 64 hex digits
     */
    String planId();

    /**
     * Returns the environment released to.
     *
     * @return the environment's name
     */
    String environment();

    /**
     * Returns the time of the evaluation, from the builder's clock.
     *
     * @return now
     */
    Instant time();

    /**
     * Returns the plan's steps, in order.
     *
     * @return the steps
     */
    List<ReleaseStep> steps();

    /**
     * Returns the data artifacts and configuration documents, with their row counts.
     *
     * @return the artifacts
     */
    List<PlannedArtifact> artifacts();

    /**
     * Returns what the SQL lint found in the plan.
     *
     * @return the findings
     */
    List<Finding> findings();

    /**
     * Returns the statements of pending SQL steps that destroy or overwrite data that exists
     * before the release and that neither a safety snapshot nor an undo script of their step
     * covers, as findings of rule {@code destructive-without-undo}.
     *
     * @return the statements, in step and line order
     */
    List<Finding> uncoveredDestructive();

    /**
     * Returns the classified columns (manifest {@code classification} tags) of the plan's data
     * artifacts.
     *
     * @return the columns, in step order
     */
    List<ClassifiedColumn> classifiedColumns();

    /**
     * Tells why the release does not carry a valid attestation from an environment for exactly
     * its content (the promotion gate's check), or nothing when it does.
     *
     * @param fromEnvironment the environment that must have released the same content
     * @return the reason, with what to do, or empty when the attestation is valid
     */
    Optional<String> attestationProblem(String fromEnvironment);

    /**
     * Returns the facts of the connection the release uses (read on first call).
     *
     * @return the connection's facts
     */
    ConnectionFacts connection();
}
