package io.drm;

import java.util.List;

/**
 * A step of a release failed. The message names the step (version and file) and the database's
 * error, and says which steps remain applied: none on a database with transactional DDL
 * (PostgreSQL), where the whole release was rolled back; on H2 and MySQL/MariaDB, which commit DDL
 * implicitly, exactly the steps listed by {@link #appliedSteps()}.
 */
public class MigrationFailedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-009}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 9);

    private final String releaseId;
    private final transient ReleaseStep failedStep;
    private final transient List<ReleaseStep> appliedSteps;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param releaseId the id of the failed release in the ledger
     * @param failedStep the step that failed, or {@code null} if the failure was outside a step
     * @param appliedSteps the steps whose changes remain in the database
     * @param cause the underlying failure
     */
    public MigrationFailedException(String message, String releaseId, ReleaseStep failedStep,
            List<ReleaseStep> appliedSteps, Throwable cause) {
        super(CODE, message, cause);
        this.releaseId = releaseId;
        this.failedStep = failedStep;
        this.appliedSteps = List.copyOf(appliedSteps);
    }

    /**
     * Returns the id of the failed release in the ledger.
     *
     * @return the release id
     */
    public String releaseId() {
        return releaseId;
    }

    /**
     * Returns the step that failed.
     *
     * @return the step, or {@code null} if the failure happened outside a step
     */
    public ReleaseStep failedStep() {
        return failedStep;
    }

    /**
     * Returns the steps whose changes remain in the database after the failure.
     *
     * @return the steps, in order; empty when the release was rolled back as a whole
     */
    public List<ReleaseStep> appliedSteps() {
        return appliedSteps;
    }
}
