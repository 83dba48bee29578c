package io.drm.internal;

import io.drm.Finding;
import io.drm.PlannedArtifact;
import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import io.drm.internal.sql.StatementClassifier;
import io.drm.spi.ClassifiedColumn;
import io.drm.spi.ConnectionFacts;
import io.drm.spi.PlanView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** The facts of one plan that policies evaluate; the expensive ones are computed on first use. */
final class PolicyFacts implements PlanView {

    private final Settings settings;
    private final PlanState plan;
    private final List<Finding> findings;
    private final Instant time;
    private final DatabaseKind kind;
    private final Function<ScannedFile, byte[]> reader;
    private final Supplier<ConnectionFacts> connectionSource;
    private List<PlannedArtifact> artifacts;
    private List<Finding> uncovered;
    private ConnectionFacts connection;

    PolicyFacts(Settings settings, PlanState plan, List<Finding> findings, DatabaseKind kind,
            Function<ScannedFile, byte[]> reader, Supplier<ConnectionFacts> connection) {
        this.settings = settings;
        this.plan = plan;
        this.findings = List.copyOf(findings);
        this.time = settings.clock().instant();
        this.kind = kind;
        this.reader = reader;
        this.connectionSource = connection;
    }

    @Override
    public String planId() {
        return plan.id();
    }

    @Override
    public String environment() {
        return settings.environment();
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public List<ReleaseStep> steps() {
        return plan.steps();
    }

    @Override
    public List<PlannedArtifact> artifacts() {
        if (artifacts == null) {
            artifacts = io.drm.internal.data.ArtifactPlans.of(plan.steps(), plan.scan());
        }
        return artifacts;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public Optional<String> attestationProblem(String fromEnvironment) {
        return PromotionGate.problem(settings, fromEnvironment, plan);
    }

    @Override
    public ConnectionFacts connection() {
        if (connection == null) {
            connection = connectionSource.get();
        }
        return connection;
    }

    @Override
    public List<ClassifiedColumn> classifiedColumns() {
        List<ClassifiedColumn> out = new ArrayList<>();
        Map<String, ScannedFile> files = plan.scan().byRelativePath();
        for (ReleaseStep step : plan.steps()) {
            ScannedFile f = step.kind() == StepKind.DATA ? files.get(step.source()) : null;
            if (f == null || f.artifact() == null || f.artifact().manifest() == null) {
                continue;
            }
            var a = f.artifact();
            a.manifest().classification().forEach((column, tags) -> {
                if (!tags.isEmpty()) {
                    out.add(new ClassifiedColumn(f.relativePath(), a.table(), column, tags));
                }
            });
        }
        return out;
    }

    @Override
    public List<Finding> uncoveredDestructive() {
        if (uncovered == null) {
            uncovered = findUncovered();
        }
        return uncovered;
    }

    /**
     * Statements that delete or overwrite rows that exist before the release and that the undo log
     * takes no snapshot of (see docs/rollback.md), in steps without an undo script: a filtered
     * DELETE or UPDATE, MERGE, MySQL REPLACE, and DROP SCHEMA/DATABASE.
     */
    private List<Finding> findUncovered() {
        Set<String> undone = new HashSet<>();
        for (ScannedFile f : plan.scan().files()) {
            if (f.name().type() == MigrationName.Type.UNDO) {
                undone.add(f.name().version());
            }
        }
        Map<String, ScannedFile> files = plan.scan().byRelativePath();
        Set<String> created = new HashSet<>();
        Dialect dialect = Dialect.of(kind);
        List<Finding> out = new ArrayList<>();
        for (ReleaseStep step : plan.steps()) {
            if (step.kind() != StepKind.SQL && step.kind() != StepKind.REPEATABLE_SQL) {
                continue;
            }
            ScannedFile file = files.get(step.source());
            if (file == null) {
                continue;
            }
            boolean covered = step.version() != null && undone.contains(step.version());
            String script = new String(reader.apply(file), StandardCharsets.UTF_8);
            String lower = script.toLowerCase(Locale.ROOT);
            if (!mayChangeRows(lower)) {
                if (lower.contains("create")) {
                    for (ClassifiedStatement cs : StatementClassifier.classifyScript(script, dialect)) {
                        noteCreated(cs, created);
                    }
                }
                continue;
            }
            for (ClassifiedStatement cs : StatementClassifier.classifyScript(script, dialect)) {
                for (SqlAction a : cs.actions()) {
                    String table = a.table() == null ? null : a.table().toLowerCase(Locale.ROOT);
                    if (a.kind() == ActionKind.CREATE_TABLE && table != null) {
                        created.add(table);
                        continue;
                    }
                    String why = covered ? null : uncovered(a, table, created);
                    if (why != null) {
                        out.add(new Finding("destructive-without-undo", Finding.Severity.ERROR,
                                Finding.Category.DATA_DESTRUCTIVE, step.version() != null ? step.version()
                                        : step.description(), file.displayPath(), cs.statement().line(), why));
                    }
                }
            }
        }
        return out;
    }

    /** A cheap pre-check: a script without these words has no statement this rule blocks. */
    private static boolean mayChangeRows(String lower) {
        return lower.contains("delete") || lower.contains("update") || lower.contains("merge")
                || lower.contains("replace") || lower.contains("drop");
    }

    private static void noteCreated(ClassifiedStatement cs, Set<String> created) {
        for (SqlAction a : cs.actions()) {
            if (a.kind() == ActionKind.CREATE_TABLE && a.table() != null) {
                created.add(a.table().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String uncovered(SqlAction a, String table, Set<String> created) {
        if (table != null && created.contains(table)) {
            return null; // dropping the table created by the release reverses it
        }
        return switch (a.kind()) {
            case DELETE, UPDATE -> a.hasWhere() ? a.kind() + " " + a.table() + " with WHERE changes rows drm takes no"
                    + " snapshot of" : null;
            case MERGE -> "MERGE INTO " + a.table() + " overwrites rows drm takes no snapshot of";
            case INSERT -> "REPLACE".equalsIgnoreCase(a.detail()) ? "REPLACE INTO " + a.table()
                    + " overwrites rows drm takes no snapshot of" : null;
            case DROP_OTHER -> "SCHEMA".equalsIgnoreCase(a.detail()) || "DATABASE".equalsIgnoreCase(a.detail())
                    ? "DROP " + a.detail() + " " + a.table() + " drops every table in it; a table snapshot cannot cover"
                    + " it" : null;
            default -> null;
        };
    }
}
