package io.drm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dry run of a {@link ReleasePlan} found: for each step its statements, how long they took,
 * how many rows they changed, the destructive statements among them, the error if one failed, and
 * whether the step was executed (or why not). Obtained from {@link ReleasePlan#dryRun()}; immutable.
 *
 * <p>Where the dry run ran is told by {@link #mode()}: on PostgreSQL, in one transaction on the
 * application's database that is rolled back at the end; on H2 and MySQL/MariaDB, whose DDL commits
 * implicitly, in a shadow database created for the purpose and dropped afterwards; or nowhere, when
 * no shadow database could be created ({@link #where()} says why, and every step says so too).
 *
 * <pre>{@code
 * DryRunReport report = DataRelease.plan(dataSource, "classpath:db/release").dryRun();
 * System.out.println(report.explain());
 * if (report.failed()) {
 *     DryRunReport.Failure error = report.failedStep().orElseThrow().error();
 *     System.out.println("line " + error.line() + ": " + error.message());
 * }
 * }</pre>
 *
 * @param planId the id of the plan that was dry-run
 * @param fromVersion the schema version before the plan, or {@code null} for an empty history
 * @param toVersion the schema version the plan leads to, or {@code null}
 * @param mode where the statements ran
 * @param where a description of the place, for example the shadow database's name, or why nothing ran
 * @param steps one entry a planned step, in plan order
 * @param duration how long the whole dry run took, copying or rolling back included
 */
public record DryRunReport(String planId, String fromVersion, String toVersion, Mode mode, String where,
        List<Step> steps, Duration duration) {

    /** Where a dry run's statements ran. */
    public enum Mode {
        /** On the application's database, in one transaction that was rolled back (PostgreSQL). */
        IN_TRANSACTION_ROLLED_BACK,
        /** In a shadow database created for the dry run and dropped after it (H2, MySQL/MariaDB). */
        SHADOW_DATABASE,
        /** Nowhere: no safe place to run them could be had (for example no permission to create a database). */
        NOT_EXECUTED
    }

    /** What became of a step or a statement. */
    public enum Status {
        /** Every statement ran without error. */
        EXECUTED,
        /** Some statements ran, others were not executed, each with its reason; none failed. */
        PARTLY_EXECUTED,
        /** A statement failed; the release would stop here. */
        FAILED,
        /** Nothing of it ran; the reason says why. */
        NOT_EXECUTED
    }

    /**
     * A statement that destroys data: a dropped table or column, a changed column type, a TRUNCATE,
     * a DELETE or UPDATE without WHERE.
     *
     * @param action what it does, for example {@code DROP_COLUMN}
     * @param line the line of the script the statement starts on (1-based)
     * @param statement the statement's text
     */
    public record Finding(String action, int line, String statement) {

        /** Validates. */
        public Finding {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(statement, "statement");
        }
    }

    /**
     * The error of a failed statement.
     *
     * @param line the line of the script the failing statement starts on (1-based)
     * @param statement the failing statement's text
     * @param message the database's message
     * @param sqlState the SQLState, or {@code null}
     */
    public record Failure(int line, String statement, String message, String sqlState) {

        /** Validates. */
        public Failure {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One statement of a step.
     *
     * @param index the statement's position in its script (0-based)
     * @param line the line of the script the statement starts on (1-based)
     * @param sql the statement's text
     * @param status {@link Status#EXECUTED}, {@link Status#FAILED} or {@link Status#NOT_EXECUTED}
     * @param reason why it was not executed, else {@code null}
     * @param duration how long it ran ({@link Duration#ZERO} when it did not)
     * @param rowsAffected the sum of its update counts (0 for DDL and for statements that did not run)
     * @param destructive what it destroys, for example {@code [DROP_COLUMN]}; empty when nothing
     */
    public record Statement(int index, int line, String sql, Status status, String reason, Duration duration,
            long rowsAffected, List<String> destructive) {

        /** Validates and copies. */
        public Statement {
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(duration, "duration");
            destructive = List.copyOf(destructive);
        }
    }

    /**
     * One step of the plan as the dry run saw it.
     *
     * @param step the planned step
     * @param status what became of it
     * @param reason why it was not (or only partly) executed, else {@code null}
     * @param statements its statements, in order (empty for steps that are not SQL scripts)
     * @param duration how long its statements ran
     * @param rowsAffected the sum of its statements' update counts
     * @param destructive its destructive statements, whether they ran or not
     * @param error the failing statement's error, or {@code null}
     */
    public record Step(ReleaseStep step, Status status, String reason, List<Statement> statements,
            Duration duration, long rowsAffected, List<Finding> destructive, Failure error) {

        /** Validates and copies. */
        public Step {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(status, "status");
            statements = List.copyOf(statements);
            Objects.requireNonNull(duration, "duration");
            destructive = List.copyOf(destructive);
            if (status == Status.FAILED && error == null) {
                throw new IllegalArgumentException("a failed step needs its error: " + step.source());
            }
        }

        /**
         * Tells whether the step ran at least in part.
         *
         * @return {@code true} for {@link Status#EXECUTED}, {@link Status#PARTLY_EXECUTED} and {@link Status#FAILED}
         */
        public boolean executed() {
            return status != Status.NOT_EXECUTED;
        }
    }

    /** Validates and copies. */
    public DryRunReport {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(where, "where");
        steps = List.copyOf(steps);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * Tells whether a step failed, so that applying the plan would fail there too.
     *
     * @return {@code true} when a step failed
     */
    public boolean failed() {
        return failedStep().isPresent();
    }

    /**
     * Returns the step that failed.
     *
     * @return the step, or empty when none failed
     */
    public Optional<Step> failedStep() {
        return steps.stream().filter(s -> s.status() == Status.FAILED).findFirst();
    }

    /**
     * Returns the destructive statements of every step, in plan order.
     *
     * @return the findings
     */
    public List<Finding> destructive() {
        List<Finding> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.destructive()));
        return List.copyOf(all);
    }

    /**
     * Returns the sum of the rows every step changed.
     *
     * @return the rows
     */
    public long rowsAffected() {
        return steps.stream().mapToLong(Step::rowsAffected).sum();
    }

    /**
     * Describes the dry run for a person: where it ran, then per step its status, duration, rows,
     * destructive statements, error or reason.
     *
     * @return the text
     */
    public String explain() {
        return DryRunText.explain(this);
    }

    /**
     * Serialises the report as JSON: {@code planId}, {@code fromVersion}, {@code toVersion},
     * {@code mode}, {@code where}, {@code durationMs}, {@code failed}, and {@code steps}, each with
     * {@code version}, {@code source}, {@code kind}, {@code status}, {@code reason}, {@code durationMs},
     * {@code rowsAffected}, {@code destructive}, {@code error} and {@code statements}.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return DryRunText.json(this);
    }

    /**
     * Returns the same text as {@link #explain()}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return explain();
    }
}
