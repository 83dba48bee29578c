package io.drm.internal;

import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.StatementClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a PostgreSQL release into transactional groups around its non-transactional steps
 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, a script whose Flyway {@code .conf} says
 * {@code executeInTransaction=false}): each such step runs alone, outside a transaction; the steps
 * between them run as one transaction each. Other databases, and PostgreSQL releases without such
 * steps, are one group.
 */
final class Segments {

    /**
     * A group of consecutive steps.
     *
     * @param steps the steps
     * @param transactional whether the group runs in one transaction
     * @param lastVersion the version Flyway migrates up to, or {@code null} for the last group (everything)
     */
    record Segment(List<ReleaseStep> steps, boolean transactional, String lastVersion) {

        @Override
        public String toString() {
            return (transactional ? "tx" : "non-tx") + "[" + steps.size() + " to " + (lastVersion == null ? "end"
                    : lastVersion) + "]";
        }
    }

    private Segments() {
    }

    static List<Segment> of(DatabaseKind kind, List<ReleaseStep> steps, ScannedLocations scan,
            LocationScanner scanner) {
        if (kind != DatabaseKind.POSTGRESQL) {
            return List.of(new Segment(steps, true, null));
        }
        Map<String, ScannedFile> files = scan.byRelativePath();
        List<Segment> out = new ArrayList<>();
        List<ReleaseStep> current = new ArrayList<>();
        for (ReleaseStep step : steps) {
            if (nonTransactional(step, files, scanner)) {
                if (!current.isEmpty()) {
                    out.add(new Segment(List.copyOf(current), true, lastVersion(current)));
                    current.clear();
                }
                out.add(new Segment(List.of(step), false, step.version()));
            } else {
                current.add(step);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Segment(List.copyOf(current), true, lastVersion(current)));
        }
        if (out.isEmpty()) {
            return List.of(new Segment(steps, true, null));
        }
        Segment last = out.get(out.size() - 1);
        out.set(out.size() - 1, new Segment(last.steps(), last.transactional(), null));
        return List.copyOf(out);
    }

    private static String lastVersion(List<ReleaseStep> steps) {
        String v = null;
        for (ReleaseStep s : steps) {
            if (s.version() != null) {
                v = s.version();
            }
        }
        return v;
    }

    /** Whether a step cannot run inside a transaction on PostgreSQL. */
    static boolean nonTransactional(ReleaseStep step, Map<String, ScannedFile> files, LocationScanner scanner) {
        if (step.kind() != StepKind.SQL && step.kind() != StepKind.REPEATABLE_SQL) {
            return false;
        }
        ScannedFile conf = files.get(step.source() + ".conf");
        if (conf != null) {
            String text = new String(scanner.read(conf), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                    .replace(" ", "");
            if (text.contains("executeintransaction=false")) {
                return true;
            }
        }
        ScannedFile file = files.get(step.source());
        if (file == null) {
            return false;
        }
        String script = new String(scanner.read(file), StandardCharsets.UTF_8);
        for (ClassifiedStatement statement : StatementClassifier.classifyScript(script, Dialect.POSTGRESQL)) {
            if (!statement.transactional(Dialect.POSTGRESQL)) {
                return true;
            }
        }
        return false;
    }
}
