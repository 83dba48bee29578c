package io.drm.internal;

import io.drm.DryRunReport;
import io.drm.ReleaseStep;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import io.drm.internal.sql.SqlSplitter;
import io.drm.internal.sql.SqlStatement;
import io.drm.internal.sql.StatementClassifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Executes the SQL steps of a plan statement by statement on one connection, for a dry run: times
 * each statement, sums its update counts, classifies it, and stops at the first error, reporting
 * the steps after it as not executed. It neither commits nor writes Flyway's history or drm's ledger:
 * the caller rolls the transaction back, or drops the shadow database.
 */
final class DryRunExecutor {

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^(BEGIN|COMMIT|END|ROLLBACK|ABORT|START\\s+TRANSACTION|SAVEPOINT|RELEASE|PREPARE\\s+TRANSACTION)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s+|--[^\\n]*\\n?|/\\*.*?\\*/)+",
            Pattern.DOTALL);

    private final DatabaseKind kind;
    private final Dialect dialect;
    private final boolean inTransaction;
    private final Map<String, ScannedFile> files;
    private final ClassLoader classLoader;
    private final Function<String, Map<String, String>> placeholders;

    /**
     * Creates an executor.
     *
     * @param kind the database kind the statements run on
     * @param inTransaction whether they run in one transaction that will be rolled back: then
     *     statements that cannot run in a transaction, or that end one, are not executed
     * @param files the scanned files by relative path
     * @param classLoader the class loader of {@code classpath:} locations
     * @param placeholders Flyway's built-in placeholder values for a script's file name
     */
    DryRunExecutor(DatabaseKind kind, boolean inTransaction, Map<String, ScannedFile> files, ClassLoader classLoader,
            Function<String, Map<String, String>> placeholders) {
        this.kind = kind;
        this.dialect = Dialect.of(kind);
        this.inTransaction = inTransaction;
        this.files = files;
        this.classLoader = classLoader;
        this.placeholders = placeholders;
    }

    /**
     * Runs the steps.
     *
     * @param connection the connection, in the state the caller wants (auto-commit off for a transaction)
     * @param steps the plan's steps
     * @return one report entry a step
     */
    List<DryRunReport.Step> run(Connection connection, List<ReleaseStep> steps) {
        List<DryRunReport.Step> out = new ArrayList<>();
        String stopped = null;
        for (ReleaseStep step : steps) {
            DryRunReport.Step done = stopped != null ? notExecuted(step, stopped) : runStep(connection, step);
            out.add(done);
            if (done.status() == DryRunReport.Status.FAILED) {
                stopped = "step " + label(step) + " (" + step.source() + ") failed at line " + done.error().line()
                        + ", and the release would stop there";
            }
        }
        return out;
    }

    /**
     * Reports every step as not executed, with their statements and destructive findings where
     * they are SQL scripts.
     *
     * @param steps the steps
     * @param reason why nothing ran
     * @return the report entries
     */
    List<DryRunReport.Step> notExecuted(List<ReleaseStep> steps, String reason) {
        List<DryRunReport.Step> out = new ArrayList<>();
        for (ReleaseStep step : steps) {
            out.add(notExecuted(step, reason));
        }
        return out;
    }

    private DryRunReport.Step notExecuted(ReleaseStep step, String reason) {
        String why = notSql(step);
        if (why != null) {
            return new DryRunReport.Step(step, DryRunReport.Status.NOT_EXECUTED, reason, List.of(), Duration.ZERO, 0,
                    List.of(), null);
        }
        Script script = script(step);
        List<DryRunReport.Statement> statements = new ArrayList<>();
        List<DryRunReport.Finding> findings = new ArrayList<>();
        for (Indexed indexed : script.statements()) {
            statements.add(statement(indexed, DryRunReport.Status.NOT_EXECUTED, reason, Duration.ZERO, 0));
            findings.addAll(findings(indexed.classified()));
        }
        return new DryRunReport.Step(step, DryRunReport.Status.NOT_EXECUTED, reason, statements, Duration.ZERO, 0,
                findings, null);
    }

    private DryRunReport.Step runStep(Connection connection, ReleaseStep step) {
        String why = notSql(step);
        if (why != null) {
            return new DryRunReport.Step(step, DryRunReport.Status.NOT_EXECUTED, why, List.of(), Duration.ZERO, 0,
                    List.of(), null);
        }
        Script script = script(step);
        if (script.missing() != null) {
            DryRunReport.Failure failure = new DryRunReport.Failure(script.missing().line(),
                    "${" + script.missing().name() + "}", "no value for the placeholder ${" + script.missing().name()
                    + "}: drm configures no placeholders, so Flyway would fail this migration", null);
            return new DryRunReport.Step(step, DryRunReport.Status.FAILED, null, List.of(), Duration.ZERO, 0,
                    List.of(), failure);
        }
        List<DryRunReport.Statement> statements = new ArrayList<>();
        List<DryRunReport.Finding> findings = new ArrayList<>();
        DryRunReport.Failure failure = null;
        long stepNanos = 0;
        long stepRows = 0;
        int executed = 0;
        int skipped = 0;
        for (Indexed indexed : script.statements()) {
            ClassifiedStatement classified = indexed.classified();
            findings.addAll(findings(classified));
            if (failure != null) {
                statements.add(statement(indexed, DryRunReport.Status.NOT_EXECUTED,
                        "an earlier statement of this step failed", Duration.ZERO, 0));
                continue;
            }
            String skip = skipReason(classified);
            if (skip != null) {
                skipped++;
                statements.add(statement(indexed, DryRunReport.Status.NOT_EXECUTED, skip, Duration.ZERO, 0));
                continue;
            }
            String sql = classified.statement().sql();
            long rows = 0;
            long start = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                boolean isResult = st.execute(sql);
                while (true) {
                    if (isResult) {
                        try (ResultSet ignored = st.getResultSet()) {
                            // results are not part of the report
                        }
                    } else {
                        int count = st.getUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        rows += Math.max(count, 0);
                    }
                    isResult = st.getMoreResults();
                }
                long took = System.nanoTime() - start;
                stepNanos += took;
                stepRows += rows;
                executed++;
                statements.add(statement(indexed, DryRunReport.Status.EXECUTED, null, Duration.ofNanos(took), rows));
            } catch (SQLException e) {
                long took = System.nanoTime() - start;
                stepNanos += took;
                failure = new DryRunReport.Failure(classified.statement().line(), sql, message(e), e.getSQLState());
                statements.add(statement(indexed, DryRunReport.Status.FAILED, null, Duration.ofNanos(took), 0));
            }
        }
        DryRunReport.Status status;
        String reason = null;
        if (failure != null) {
            status = DryRunReport.Status.FAILED;
        } else if (skipped == 0) {
            status = DryRunReport.Status.EXECUTED;
        } else {
            status = executed == 0 ? DryRunReport.Status.NOT_EXECUTED : DryRunReport.Status.PARTLY_EXECUTED;
            reason = skipped + (skipped == 1 ? " statement" : " statements") + " not executed: "
                    + statements.stream().filter(s -> s.status() == DryRunReport.Status.NOT_EXECUTED)
                            .map(DryRunReport.Statement::reason).distinct().reduce((a, b) -> a + "; " + b).orElse("");
        }
        return new DryRunReport.Step(step, status, reason, statements, Duration.ofNanos(stepNanos), stepRows, findings,
                failure);
    }

    /** Why a statement is not tried, or {@code null} when it is. */
    private String skipReason(ClassifiedStatement classified) {
        if (!inTransaction) {
            return null;
        }
        if (!classified.transactional(dialect)) {
            return "it cannot run inside a transaction, and the dry run runs the whole release in one transaction"
                    + " that is rolled back (the release runs it outside a transaction)";
        }
        String head = LEADING_COMMENTS.matcher(classified.statement().sql()).replaceFirst("");
        if (TRANSACTION_CONTROL.matcher(head).matches()) {
            return "it ends or controls the transaction, which would commit or break the dry run's transaction";
        }
        return null;
    }

    /** Why a step is not a SQL script drm can execute, or {@code null} when it is. */
    private String notSql(ReleaseStep step) {
        return switch (step.kind()) {
            case SQL, REPEATABLE_SQL, UNDO_SQL -> files.containsKey(step.source()) ? null
                    : "its script " + step.source() + " is not among the files drm scanned, so drm cannot read it";
            case JAVA -> "a Java migration runs arbitrary code through Flyway, which drm cannot confine to the dry"
                    + " run's rolled-back transaction or shadow database; review it by hand";
            default -> "a " + step.kind() + " step is not dry-run yet; only SQL scripts are";
        };
    }

    private Script script(ReleaseStep step) {
        ScannedFile file = files.get(step.source());
        String text = ScriptText.read(file, classLoader);
        Placeholders.Result replaced = Placeholders.replace(text, placeholders.apply(file.fileName()));
        List<Indexed> statements = new ArrayList<>();
        for (SqlStatement statement : SqlSplitter.split(replaced.text(), dialect)) {
            statements.add(new Indexed(statements.size(), StatementClassifier.classify(statement, dialect)));
        }
        return new Script(statements, replaced.missing());
    }

    private record Script(List<Indexed> statements, Placeholders.Missing missing) {
    }

    private static List<DryRunReport.Finding> findings(ClassifiedStatement classified) {
        List<DryRunReport.Finding> out = new ArrayList<>();
        for (String action : destructiveActions(classified)) {
            out.add(new DryRunReport.Finding(action, classified.statement().line(), classified.statement().sql()));
        }
        return out;
    }

    /**
     * Names what a destructive statement destroys, one entry an action: {@code DROP_TABLE},
     * {@code DROP_COLUMN}, {@code ALTER_COLUMN_TYPE}, {@code TRUNCATE}, {@code DELETE_WITHOUT_WHERE},
     * {@code UPDATE_WITHOUT_WHERE}.
     */
    private static List<String> destructiveActions(ClassifiedStatement classified) {
        List<String> out = new ArrayList<>();
        if (!classified.destructive()) {
            return out;
        }
        for (SqlAction action : classified.actions()) {
            switch (action.kind()) {
                case DROP_TABLE, DROP_COLUMN, ALTER_COLUMN_TYPE, TRUNCATE -> out.add(action.kind().name());
                case DELETE, UPDATE -> {
                    if (!action.hasWhere()) {
                        out.add(action.kind().name() + "_WITHOUT_WHERE");
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static DryRunReport.Statement statement(Indexed indexed, DryRunReport.Status status, String reason,
            Duration duration, long rows) {
        SqlStatement s = indexed.classified().statement();
        return new DryRunReport.Statement(indexed.index(), s.line(), s.sql(), status, reason, duration, rows,
                destructiveActions(indexed.classified()));
    }

    /** A classified statement and its position among the script's statements. */
    private record Indexed(int index, ClassifiedStatement classified) {
    }

    /** The database's message, its first line, without H2's trailing "SQL statement:". */
    private static String message(SQLException e) {
        return Failures.firstLine(e.getMessage()).replaceFirst(";\\s*SQL statement:?\\s*$", "");
    }

    private static String label(ReleaseStep step) {
        return step.version() == null ? "R" : step.version();
    }

    /** Returns the database kind. */
    DatabaseKind kind() {
        return kind;
    }
}
