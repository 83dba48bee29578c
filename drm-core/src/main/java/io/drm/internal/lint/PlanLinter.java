package io.drm.internal.lint;

import io.drm.Finding;
import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.internal.Connector;
import io.drm.internal.DatabaseKind;
import io.drm.internal.LocationScanner;
import io.drm.internal.ScannedFile;
import io.drm.internal.ScannedLocations;
import io.drm.internal.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lints a plan's pending SQL steps: takes each script's bytes kept by the scan (or reads it again
 * from its location, checked against the scanned SHA-256), and reads the live catalog on one
 * connection of the plan's lease only when the scripts drop, rename or retype an existing table or
 * column.
 */
public final class PlanLinter {

    private PlanLinter() {
    }

    /**
     * Lints the SQL steps of a plan.
     *
     * @param steps the plan's steps, in order
     * @param scan the scan the plan was made from
     * @param kind the database kind
     * @param lease the plan's connections, or {@code null} to lint without a database
     * @param scanner reads the scripts
     * @return the findings, by step then line
     */
    public static List<Finding> lint(List<ReleaseStep> steps, ScannedLocations scan, DatabaseKind kind,
            Connector.Lease lease, LocationScanner scanner) {
        if (steps.isEmpty()) {
            return List.of();
        }
        Map<String, ScannedFile> files = scan.byRelativePath();
        List<Script> scripts = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        for (ReleaseStep step : steps) {
            if (step.kind() != StepKind.SQL && step.kind() != StepKind.REPEATABLE_SQL) {
                continue;
            }
            String label = step.version() != null ? step.version() : step.description();
            ScannedFile file = files.get(step.source());
            if (file == null) {
                continue;
            }
            String text = read(file, scanner);
            if (text == null) {
                unreadable.add(new Finding("unreadable-script", Finding.Severity.WARNING, Finding.Category.BREAKING,
                        label, file.displayPath(), 0, "drm could not read the script again to lint it (it changed"
                        + " or disappeared since the scan). Plan again."));
                continue;
            }
            scripts.add(new Script(label, file.displayPath(), text));
        }
        if (scripts.isEmpty()) {
            return unreadable;
        }
        Linter.CatalogSource catalog = lease == null ? null : tables -> {
            try (Connection c = lease.connection("read the catalog of")) {
                return CatalogReader.read(c, kind, tables);
            } catch (SQLException | RuntimeException e) {
                throw new Linter.CatalogUnavailableException(e.getClass().getSimpleName()
                        + (e instanceof SQLException ? " SQLState " + ((SQLException) e).getSQLState() : ""), e);
            }
        };
        List<Finding> linted = Linter.lint(scripts, Dialect.of(kind), catalog);
        if (unreadable.isEmpty()) {
            return linted; // the scripts are in plan order, so the findings already are
        }
        List<Finding> out = new ArrayList<>(linted);
        out.addAll(unreadable);
        return order(out, steps);
    }

    /**
     * Lints every SQL migration of the locations as if none were applied, without a database (no
     * dependency findings), in the order a first release would run them.
     *
     * @param locations the locations
     * @param classLoader the class loader of {@code classpath:} locations
     * @param kind the database kind whose dialect the scripts are in
     * @return the findings, by step then line
     */
    public static List<Finding> lintOffline(List<String> locations, ClassLoader classLoader, DatabaseKind kind) {
        LocationScanner scanner = new LocationScanner(classLoader);
        ScannedLocations scan = scanner.scan(locations, true);
        try {
            return lint(io.drm.internal.Planner.firstRelease(scan), scan, kind, null, scanner);
        } finally {
            scanner.forgetScanned();
        }
    }

    private static String read(ScannedFile file, LocationScanner scanner) {
        try {
            byte[] kept = scanner.keptBytes(file);
            byte[] content = kept != null ? kept : scanner.readIfUnchanged(file);
            if (content == null) {
                return null;
            }
            String text = new String(content, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            return null;
        }
    }

    /** Sorts by step (plan order), then line; stable within a line. */
    private static List<Finding> order(List<Finding> findings, List<ReleaseStep> steps) {
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ReleaseStep s = steps.get(i);
            rank.putIfAbsent(s.version() != null ? s.version() : s.description(), i);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.<Finding>comparingInt(f -> rank.getOrDefault(f.step(), Integer.MAX_VALUE))
                .thenComparingInt(Finding::line));
        return sorted;
    }
}
