package io.drm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a release would do: the ordered steps from the database's current version to the target,
 * with an id that identifies exactly this plan. Immutable and thread-safe; obtained from
 * {@link DataRelease.Builder#plan()} or {@link DataRelease#plan(javax.sql.DataSource, String...)}.
 *
 * <p>The id is the hex SHA-256 over the current version, the target and the canonical steps
 * (kind, version, description, content checksum, source): the same database state and the same
 * files always give the same id; any change gives another.
 *
 * <pre>{@code
 * ReleasePlan plan = DataRelease.plan(dataSource, "classpath:db/release");
 * System.out.println(plan.explain());
 * ReleaseResult result = plan.apply();
 * }</pre>
 */
public final class ReleasePlan {

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final String id;
    private final String currentVersion;
    private final String targetVersion;
    private final List<ReleaseStep> steps;
    private final Supplier<ReleaseResult> applier;
    private final List<PlannedArtifact> artifacts;
    private final Supplier<DryRunReport> dryRunner;
    private final List<Finding> findings;
    private final List<PolicyViolation> violations;
    private final java.util.function.Function<List<Approval>, ReleaseResult> approvedApplier;

    ReleasePlan(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
            Supplier<ReleaseResult> applier) {
        this(id, currentVersion, targetVersion, steps, applier, List.of());
    }

    ReleasePlan(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
            Supplier<ReleaseResult> applier, List<PlannedArtifact> artifacts) {
        this(id, currentVersion, targetVersion, steps, applier, artifacts, () -> {
            throw new DryRunException("plan " + id + " cannot be dry-run: drm has no dry run for this kind of plan"
                    + " yet. Review its steps with explain() instead.");
        });
    }

    ReleasePlan(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
            Supplier<ReleaseResult> applier, List<PlannedArtifact> artifacts, Supplier<DryRunReport> dryRunner) {
        this(id, currentVersion, targetVersion, steps, applier, artifacts, dryRunner, List.of());
    }

    ReleasePlan(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
            Supplier<ReleaseResult> applier, List<PlannedArtifact> artifacts, Supplier<DryRunReport> dryRunner,
            List<Finding> findings) {
        this(id, currentVersion, targetVersion, steps, applier, artifacts, dryRunner, findings, List.of(), null);
    }

    ReleasePlan(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
            Supplier<ReleaseResult> applier, List<PlannedArtifact> artifacts, Supplier<DryRunReport> dryRunner,
            List<Finding> findings, List<PolicyViolation> violations,
            java.util.function.Function<List<Approval>, ReleaseResult> approvedApplier) {
        this.findings = List.copyOf(findings);
        this.violations = List.copyOf(violations);
        this.approvedApplier = approvedApplier;
        this.artifacts = List.copyOf(artifacts);
        this.id = Objects.requireNonNull(id, "id");
        this.currentVersion = currentVersion;
        this.targetVersion = targetVersion;
        this.steps = List.copyOf(steps);
        this.applier = Objects.requireNonNull(applier, "applier");
        this.dryRunner = Objects.requireNonNull(dryRunner, "dryRunner");
    }

    /**
     * Returns the steps in the order they will run.
     *
     * @return the steps; empty when the database is up to date
     */
    public List<ReleaseStep> steps() {
        return steps;
    }

    /**
     * Returns the data artifacts and configuration documents the plan loads, in step order.
     *
     * @return the artifacts with their versions, hashes, targets and row counts; empty when there are none
     */
    public List<PlannedArtifact> artifacts() {
        return artifacts;
    }

    /**
     * Returns what the SQL lint and the policies found in the plan's steps, in step and line order.
     *
     * @return the findings; empty when there are none
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * Returns what the configured policies found when the plan was made: every rule the plan does not
     * satisfy, with its code and how to satisfy it. Empty when no policy is configured or the plan
     * satisfies them all (a non-breaking plan is auto-approved). A violation that is
     * {@link PolicyViolation#waivable() waivable} is lifted by a valid {@link Approval} given to
     * {@link #apply(Approval...)}; the others block. {@code apply} evaluates the policies again before
     * the release lock (a release window by the clock's time then).
     *
     * @return the violations, in rule order
     */
    public List<PolicyViolation> violations() {
        return violations;
    }

    /**
     * Tells whether the policies block the plan unless it is approved or changed.
     *
     * @return {@code true} when {@link #violations()} is not empty
     */
    public boolean blocked() {
        return !violations.isEmpty();
    }

    /**
     * Returns the plan's id.
     *
     * @return 64 hex digits (SHA-256)
     */
    public String id() {
        return id;
    }

    /**
     * Returns the database's schema version when the plan was made.
     *
     * @return the version, or {@code null} when nothing was applied yet
     */
    public String currentVersion() {
        return currentVersion;
    }

    /**
     * Returns the schema version after the plan.
     *
     * @return the version, or {@code null} when there is none
     */
    public String targetVersion() {
        return targetVersion;
    }

    /**
     * Tells whether the plan has nothing to do.
     *
     * @return {@code true} when the database is up to date
     */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Describes the plan for a person: a header line, then one line a step.
     *
     * @return the text
     */
    public String explain() {
        if (steps.isEmpty()) {
            return "Release plan " + id + ": up to date at version " + display(currentVersion)
                    + ", nothing to apply";
        }
        return "Release plan " + id + ": " + display(currentVersion) + " -> " + display(targetVersion) + ", "
                + steps.size() + (steps.size() == 1 ? " step" : " steps") + System.lineSeparator()
                + steps.stream().map(this::explainStep).collect(Collectors.joining(System.lineSeparator()))
                + explainFindings() + explainViolations();
    }

    private String explainViolations() {
        if (violations.isEmpty()) {
            return "";
        }
        return System.lineSeparator() + "Policy violations (" + violations.size() + "):" + System.lineSeparator()
                + violations.stream().map(v -> "  " + v.explain()).collect(Collectors.joining(System.lineSeparator()));
    }

    private String explainFindings() {
        if (findings.isEmpty()) {
            return "";
        }
        return System.lineSeparator() + "Findings (" + findings.size() + "):" + System.lineSeparator()
                + findings.stream().map(f -> "  " + f.explain()).collect(Collectors.joining(System.lineSeparator()));
    }

    private String explainStep(ReleaseStep step) {
        for (PlannedArtifact a : artifacts) {
            if (a.source().equals(step.source())) {
                return "  " + step.explain() + System.lineSeparator() + "      artifact " + a.explain();
            }
        }
        return "  " + step.explain();
    }

    /**
     * Serialises the plan as JSON: {@code id}, {@code currentVersion}, {@code targetVersion},
     * {@code steps} (each with {@code version}, {@code description}, {@code kind}, {@code checksum},
     * {@code source}).
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", id);
        root.put("currentVersion", currentVersion);
        root.put("targetVersion", targetVersion);
        root.put("steps", steps.stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("version", s.version());
            step.put("description", s.description());
            step.put("kind", s.kind().name());
            step.put("checksum", s.checksum());
            step.put("source", s.source());
            return step;
        }).collect(Collectors.toList()));
        if (!artifacts.isEmpty()) {
            root.put("artifacts", artifacts.stream().map(a -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("artifact", a.version().toString());
                m.put("kind", a.kind().name());
                m.put("source", a.source());
                m.put("table", a.table());
                m.put("mode", a.mode());
                m.put("rows", a.rows());
                m.put("encrypted", a.encrypted());
                return m;
            }).collect(Collectors.toList()));
        }
        if (!findings.isEmpty()) {
            root.put("findings", findings.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", f.rule());
                m.put("severity", f.severity().name());
                m.put("category", f.category().name());
                m.put("step", f.step());
                m.put("file", f.file());
                m.put("line", f.line());
                m.put("message", f.message());
                return m;
            }).collect(Collectors.toList()));
        }
        if (!violations.isEmpty()) {
            root.put("violations", violations.stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", v.rule());
                m.put("code", v.code().id());
                m.put("waivable", v.waivable());
                m.put("message", v.message());
                m.put("remedy", v.remedy());
                return m;
            }).collect(Collectors.toList()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise plan " + id, e);
        }
    }

    /**
     * Applies the plan: takes the release lock, re-plans under it, and applies the steps if the plan
     * is still the same. When another release already applied them, returns an up-to-date result.
     *
     * @return what the release did
     * @throws PlanChangedException if the database or the locations changed so that a different,
     *     non-empty plan would run; nothing is applied
     * @throws MigrationFailedException if a step fails
     * @throws LockTimeoutException if the release lock could not be taken in time
     * @throws AuditException if the audit sink fails
     * @throws PolicyViolationException if a configured policy blocks the plan; nothing is applied
     * @throws DrmException for other failures, each with its code
     */
    public ReleaseResult apply() {
        return approvedApplier != null ? approvedApplier.apply(List.of()) : applier.get();
    }

    /**
     * Applies the plan with approvals: each must approve exactly this plan's id, be signed by the key
     * of an approver listed for the environment ({@link DataRelease.Builder#approver}), and be within
     * its validity; then the plan's waivable policy violations are waived (audited as
     * {@code approval.granted} and {@code policy.waived}) and the plan is applied as by
     * {@link #apply()}. Checked before the release lock, with nothing written when refused.
     *
     * <pre>{@code
     * plan.apply(Approval.parse(approvalJson));
     * }</pre>
     *
     * @param approvals the approvals
     * @return what the release did
     * @throws ApprovalRefusedException if an approval is for another plan ({@code DRM-POLICY-020}), not
     *     validly signed by a listed approver ({@code DRM-POLICY-021}) or expired ({@code DRM-POLICY-022})
     * @throws PolicyViolationException if a violation that no approval waives blocks the plan
     * @throws PlanChangedException if the database or the locations changed since the plan was made
     * @throws DrmException for other failures, each with its code
     */
    public ReleaseResult apply(Approval... approvals) {
        Objects.requireNonNull(approvals, "approvals");
        for (Approval a : approvals) {
            Objects.requireNonNull(a, "approval");
        }
        if (approvedApplier == null) {
            if (approvals.length > 0) {
                throw new ConfigurationException("plan " + id + " is a plan drm applies without policies (a rollback"
                        + " plan); it takes no approvals. Call apply() without them.");
            }
            return applier.get();
        }
        return approvedApplier.apply(List.of(approvals));
    }

    /**
     * Dry-runs the plan: executes its SQL statements where they leave no trace and reports, per step,
     * the statements, durations, rows affected, destructive statements, the error if any, and
     * whether it ran or why not. On PostgreSQL the whole release runs in one transaction on the
     * application's database, under the release lock, and is rolled back; on H2 and MySQL/MariaDB,
     * whose DDL commits implicitly, it runs in a shadow database created for the purpose and dropped
     * afterwards. Nothing is written to the application's database (schema, data, Flyway history,
     * drm's ledger); the audit sink receives one {@code release.dry_run} event.
     *
     * @return the report; a failing step is reported in it, not thrown
     * @throws PlanChangedException if the database or the locations changed so that a different plan
     *     would run; nothing was run
     * @throws LockTimeoutException if, on PostgreSQL, the release lock could not be taken in time
     * @throws DryRunException if a migration file of the plan cannot be read, or the plan is of a kind
     *     that cannot be dry-run
     * @throws AuditException if the audit sink fails
     * @throws DrmException for other failures, each with its code
     */
    public DryRunReport dryRun() {
        return dryRunner.get();
    }

    @Override
    public String toString() {
        return "ReleasePlan[" + id + ", " + display(currentVersion) + " -> " + display(targetVersion) + ", "
                + steps.size() + " steps]";
    }

    private static String display(String version) {
        return version == null ? "<empty>" : version;
    }
}
