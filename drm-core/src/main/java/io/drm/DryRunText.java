package io.drm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link DryRunReport} as text and as JSON. */
final class DryRunText {

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();
    private static final int SNIPPET = 100;

    private DryRunText() {
    }

    static String explain(DryRunReport report) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("Dry run of plan ").append(report.planId()).append(": ")
                .append(display(report.fromVersion())).append(" -> ").append(display(report.toVersion()))
                .append(", ").append(count(report.steps().size(), "step")).append(", ").append(report.mode())
                .append(": ").append(report.where()).append(", ").append(millis(report.duration())).append(" ms");
        long notRun = report.steps().stream().filter(s -> s.status() == DryRunReport.Status.NOT_EXECUTED).count();
        out.append(nl).append("  result: ").append(report.failed() ? "FAILS at "
                + report.failedStep().get().step().source() : "no step failed").append(", ")
                .append(count(report.rowsAffected(), "row")).append(" affected, ")
                .append(count(report.destructive().size(), "destructive statement")).append(", ")
                .append(count(notRun, "step")).append(" not executed");
        for (DryRunReport.Step step : report.steps()) {
            out.append(nl).append("  ").append(label(step.step())).append("  ").append(step.step().source())
                    .append("  ").append(step.status());
            if (step.executed()) {
                out.append("  ").append(millis(step.duration())).append(" ms, ")
                        .append(count(step.rowsAffected(), "row"));
            }
            if (step.reason() != null) {
                out.append(nl).append("      reason: ").append(step.reason());
            }
            if (step.error() != null) {
                out.append(nl).append("      error at line ").append(step.error().line()).append(": ")
                        .append(step.error().message()).append(nl).append("        ")
                        .append(snippet(step.error().statement()));
            }
            for (DryRunReport.Finding finding : step.destructive()) {
                out.append(nl).append("      destructive ").append(finding.action()).append(" at line ")
                        .append(finding.line()).append(": ").append(snippet(finding.statement()));
            }
            for (DryRunReport.Statement statement : step.statements()) {
                if (statement.status() == DryRunReport.Status.NOT_EXECUTED && step.status()
                        == DryRunReport.Status.PARTLY_EXECUTED) {
                    out.append(nl).append("      not executed, line ").append(statement.line()).append(": ")
                            .append(statement.reason()).append(nl).append("        ").append(snippet(statement.sql()));
                }
            }
        }
        return out.toString();
    }

    static String json(DryRunReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("planId", report.planId());
        root.put("fromVersion", report.fromVersion());
        root.put("toVersion", report.toVersion());
        root.put("mode", report.mode().name());
        root.put("where", report.where());
        root.put("durationMs", millis(report.duration()));
        root.put("failed", report.failed());
        root.put("rowsAffected", report.rowsAffected());
        root.put("steps", report.steps().stream().map(DryRunText::step).collect(Collectors.toList()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the dry run of plan " + report.planId(), e);
        }
    }

    private static Map<String, Object> step(DryRunReport.Step s) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("version", s.step().version());
        step.put("description", s.step().description());
        step.put("kind", s.step().kind().name());
        step.put("source", s.step().source());
        step.put("checksum", s.step().checksum());
        step.put("status", s.status().name());
        step.put("reason", s.reason());
        step.put("durationMs", millis(s.duration()));
        step.put("rowsAffected", s.rowsAffected());
        step.put("destructive", s.destructive().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", f.action());
            m.put("line", f.line());
            m.put("statement", f.statement());
            return m;
        }).collect(Collectors.toList()));
        if (s.error() == null) {
            step.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", s.error().line());
            error.put("statement", s.error().statement());
            error.put("message", s.error().message());
            error.put("sqlState", s.error().sqlState());
            step.put("error", error);
        }
        step.put("statements", s.statements().stream().map(DryRunText::statement).collect(Collectors.toList()));
        return step;
    }

    private static Map<String, Object> statement(DryRunReport.Statement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("line", s.line());
        m.put("sql", s.sql());
        m.put("status", s.status().name());
        m.put("reason", s.reason());
        m.put("durationMs", millis(s.duration()));
        m.put("rowsAffected", s.rowsAffected());
        m.put("destructive", List.copyOf(s.destructive()));
        return m;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String label(ReleaseStep step) {
        return step.version() == null ? "R" : "V" + step.version();
    }

    private static String snippet(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET - 3) + "...";
    }

    /** Milliseconds with three decimals, so that sub-millisecond statements still show. */
    static double millis(Duration d) {
        return Math.round(d.toNanos() / 1000.0) / 1000.0;
    }

    private static String display(String version) {
        return version == null ? "<empty>" : version;
    }
}
