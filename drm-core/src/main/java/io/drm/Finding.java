package io.drm;

import java.util.Objects;

/**
 * One thing the SQL lint or a policy found in a release plan: which rule, how serious, which step,
 * file and line, and what to do. Findings are listed by {@link ReleasePlan#findings()} and shown by
 * {@link ReleasePlan#explain()} and {@link ReleasePlan#toJson()}.
 *
 * @param rule the rule's stable id, such as {@code drop-column} or {@code pg-index-without-concurrently}
 * @param severity how serious it is
 * @param category what kind of change it is
 * @param step the version of the step (or the description of a repeatable one) the finding is in
 * @param file the step's source, as {@code <location>/<path>}
 * @param line the 1-based line of the statement in the file, or 0 when it concerns the whole step
 * @param message what was found, where, and what to do; never a value from the data
 */
public record Finding(String rule, Severity severity, Category category, String step, String file, int line,
        String message) {

    /** How serious a finding is. */
    public enum Severity {
        /** For the record; never needs anything. */
        INFO,
        /** Needs attention: a risk that may be acceptable. */
        WARNING,
        /** Breaks something or loses data unless a person approves it. */
        ERROR
    }

    /** What kind of change a finding is about. */
    public enum Category {
        /** A change that old application code keeps working with (create table, add nullable column, add index). */
        NON_BREAKING,
        /** A change that breaks existing readers or writers (drop or rename, type change, NOT NULL without default). */
        BREAKING,
        /** A change that takes a long or strong lock on a live table. */
        LOCKING_RISK,
        /** A statement that deletes or overwrites data (TRUNCATE, DELETE or UPDATE without WHERE). */
        DATA_DESTRUCTIVE,
        /** A change that breaks an object found in the live database (a view, foreign key or index). */
        DEPENDENCY
    }

    /** Validates. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /**
     * Describes the finding on one line.
     *
     * @return {@code SEVERITY rule at file:line: message}
     */
    public String explain() {
        return severity + " " + rule + " at " + file + (line > 0 ? ":" + line : "") + ": " + message;
    }

    @Override
    public String toString() {
        return explain();
    }
}
