package io.drm.policy;

import io.drm.Finding;
import io.drm.PlannedArtifact;
import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.spi.ClassifiedColumn;
import io.drm.spi.ConnectionFacts;
import io.drm.spi.PlanView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-made plan facts for rule tests. */
final class FakePlan implements PlanView {

    String environment = "prod";
    Instant time = Instant.parse("2026-12-07T10:00:00Z"); // a Monday
    final List<ReleaseStep> steps = new ArrayList<>(List.of(new ReleaseStep("1", "create t", StepKind.SQL,
            "sha256:" + "0".repeat(64), "V1__create_t.sql")));
    final List<PlannedArtifact> artifacts = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Finding> uncovered = new ArrayList<>();
    final List<ClassifiedColumn> classified = new ArrayList<>();
    String attestationProblem;
    ConnectionFacts connection = new ConnectionFacts("postgresql", "app", false, null, true, "db.internal", false);

    FakePlan finding(String rule, Finding.Severity severity, Finding.Category category) {
        findings.add(new Finding(rule, severity, category, "1", "db/V1__create_t.sql", 1, rule + " found"));
        return this;
    }

    @Override
    public String planId() {
        return "a".repeat(64);
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public List<ReleaseStep> steps() {
        return steps;
    }

    @Override
    public List<PlannedArtifact> artifacts() {
        return artifacts;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public List<Finding> uncoveredDestructive() {
        return uncovered;
    }

    @Override
    public List<ClassifiedColumn> classifiedColumns() {
        return classified;
    }

    @Override
    public Optional<String> attestationProblem(String fromEnvironment) {
        return Optional.ofNullable(attestationProblem);
    }

    @Override
    public ConnectionFacts connection() {
        return connection;
    }
}
