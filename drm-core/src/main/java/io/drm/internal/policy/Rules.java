package io.drm.internal.policy;

import io.drm.Finding;
import io.drm.PlannedArtifact;
import io.drm.PolicyViolation;
import io.drm.PolicyViolationException;
import io.drm.StepKind;
import io.drm.spi.ClassifiedColumn;
import io.drm.spi.ConnectionFacts;
import io.drm.spi.MaskingGuard;
import io.drm.spi.PlanView;
import io.drm.spi.ReleasePolicy;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** drm's built-in policy rules. Each applies in the environments it names, or in every one when it names none. */
public final class Rules {

    private static final int SHOWN = 5;
    private static final String APPROVE = "Have an approver listed for the environment sign"
            + " Approval.sign(plan.id(), approver, reason, time, key) and pass it to plan.apply(approval)";

    private Rules() {
    }

    static boolean applies(Set<String> environments, PlanView plan) {
        return environments.isEmpty() || environments.contains(plan.environment());
    }

    static String list(List<Finding> findings) {
        String shown = findings.stream().limit(SHOWN).map(Finding::explain).collect(Collectors.joining("; "));
        return findings.size() > SHOWN ? shown + "; and " + (findings.size() - SHOWN) + " more" : shown;
    }

    /**
     * Breaking changes (ERROR findings, BREAKING, DEPENDENCY, DATA_DESTRUCTIVE) need an approval.
     *
     * @param environments where it applies; empty for every environment
     */
    public record RequireApproval(Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "require-approval";

        /** Copies. */
        public RequireApproval {
            environments = Set.copyOf(environments);
        }

        static boolean breaking(Finding f) {
            return f.severity() == Finding.Severity.ERROR || f.category() == Finding.Category.BREAKING
                    || f.category() == Finding.Category.DEPENDENCY || f.category() == Finding.Category.DATA_DESTRUCTIVE;
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            List<Finding> breaking = plan.findings().stream().filter(RequireApproval::breaking).toList();
            if (breaking.isEmpty()) {
                return List.of();
            }
            return List.of(new PolicyViolation(ID, PolicyViolationException.APPROVAL_REQUIRED, "a release to "
                    + plan.environment() + " with breaking changes needs an approval, and the plan has "
                    + breaking.size() + (breaking.size() == 1 ? " breaking finding: " : " breaking findings: ")
                    + list(breaking), APPROVE, true));
        }
    }

    /**
     * Statements that destroy data no snapshot and no undo script covers are blocked.
     *
     * @param environments where it applies; empty for every environment
     */
    public record DestructiveWithoutUndo(Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "destructive-without-undo";

        /** Copies. */
        public DestructiveWithoutUndo {
            environments = Set.copyOf(environments);
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            List<Finding> uncovered = plan.uncoveredDestructive();
            if (uncovered.isEmpty()) {
                return List.of();
            }
            return List.of(new PolicyViolation(ID, PolicyViolationException.DESTRUCTIVE_WITHOUT_UNDO, uncovered.size()
                    + (uncovered.size() == 1 ? " statement destroys" : " statements destroy") + " data that drm's"
                    + " safety snapshots cannot cover: " + list(uncovered), "Add an undo script"
                    + " U<version>__<description>.sql beside each named migration (it restores what the statement"
                    + " changes), or change the statement to one drm snapshots (see docs/rollback.md)", false));
        }
    }

    /**
     * A release needs a valid attestation from an environment for exactly its content.
     *
     * @param from the environment that must have released the same content
     * @param environments where it applies; empty for every environment
     */
    public record RequireAttestation(String from, Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "require-attestation";

        /** Validates and copies. */
        public RequireAttestation {
            Objects.requireNonNull(from, "from");
            environments = Set.copyOf(environments);
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan) || plan.steps().isEmpty()) {
                return List.of();
            }
            return plan.attestationProblem(from).map(why -> List.of(new PolicyViolation(ID,
                    PolicyViolationException.ATTESTATION_REQUIRED, "a release to " + plan.environment()
                    + " needs a valid attestation from " + from + ": " + why, "Release the same locations to "
                    + from + " with an attestation key, pass its attestation to promotedFrom(...) and trust "
                    + from + "'s public key with trustAttestationKeys(...)", false))).orElse(List.of());
        }
    }

    /**
     * Classified artifact columns need masking rules (through the masking module's guard).
     *
     * @param guard the masking guard, or {@code null} until the builder binds its own
     * @param environments where it applies; empty for every environment
     */
    public record MaskedColumns(MaskingGuard guard, Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "masked-classified-columns";

        /** Copies; the guard may be null until the builder binds it. */
        public MaskedColumns {
            environments = Set.copyOf(environments);
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan) || plan.classifiedColumns().isEmpty()) {
                return List.of();
            }
            List<ClassifiedColumn> unmasked = Objects.requireNonNull(guard, "masking guard")
                    .unmasked(plan.environment(), plan.classifiedColumns());
            if (unmasked.isEmpty()) {
                return List.of();
            }
            return List.of(new PolicyViolation(ID, PolicyViolationException.UNMASKED_COLUMNS, unmasked.size()
                    + (unmasked.size() == 1 ? " classified column has" : " classified columns have")
                    + " no masking rule for a release to " + plan.environment() + ": " + unmasked.stream()
                    .map(c -> c.qualifiedName() + " " + c.classifications() + " in " + c.artifact())
                    .collect(Collectors.joining(", ")), "Add a masking rule for each column (or reclassify it"
                    + " after review) in the rules the masking guard was given", false));
        }
    }

    /**
     * A data step may load at most so many rows.
     *
     * @param limit the most rows a data step may have
     * @param environments where it applies; empty for every environment
     */
    public record MaxRows(long limit, Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "max-rows";

        /** Validates and copies. */
        public MaxRows {
            if (limit < 0) {
                throw new IllegalArgumentException("the row limit must be >= 0: " + limit);
            }
            environments = Set.copyOf(environments);
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            List<PlannedArtifact> over = plan.artifacts().stream()
                    .filter(a -> a.kind() == StepKind.DATA && a.rows() > limit).toList();
            if (over.isEmpty()) {
                return List.of();
            }
            return List.of(new PolicyViolation(ID, PolicyViolationException.TOO_MANY_ROWS, over.size()
                    + (over.size() == 1 ? " data step touches" : " data steps touch") + " more than " + limit
                    + " rows: " + over.stream().map(a -> a.source() + " (" + a.rows() + " rows into " + a.table()
                    + ")").collect(Collectors.joining(", ")), APPROVE + ", or split the artifact", true));
        }
    }

    /**
     * Releases run only inside a window: days of the week and a time of day, in a zone.
     *
     * @param zone the zone of the times
     * @param from when the window opens (inclusive)
     * @param to when it closes (exclusive); before {@code from} for a window past midnight
     * @param days the days it opens; empty for every day
     * @param environments where it applies; empty for every environment
     */
    public record ReleaseWindow(ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days,
            Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "release-window";

        /** Validates and copies. */
        public ReleaseWindow {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a release window needs from != to");
            }
            days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
            environments = Set.copyOf(environments);
        }

        /** Tells whether a time is inside the window (a window past midnight belongs to the day it opens). */
        boolean open(ZonedDateTime t) {
            LocalTime time = t.toLocalTime();
            if (from.isBefore(to)) {
                return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
            }
            return days.contains(t.getDayOfWeek()) && !time.isBefore(from)
                    || days.contains(t.getDayOfWeek().minus(1)) && time.isBefore(to);
        }

        ZonedDateTime nextOpening(ZonedDateTime now) {
            ZonedDateTime day = now.toLocalDate().atTime(from).atZone(zone);
            for (int i = 0; i < 8; i++) {
                ZonedDateTime candidate = day.plusDays(i);
                if (candidate.isAfter(now) && days.contains(candidate.getDayOfWeek())) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            ZonedDateTime now = plan.time().atZone(zone);
            if (open(now)) {
                return List.of();
            }
            ZonedDateTime next = nextOpening(now);
            String dayList = days.size() == 7 ? "every day" : days.stream().map(DayOfWeek::name)
                    .map(d -> d.substring(0, 3)).collect(Collectors.joining(","));
            return List.of(new PolicyViolation(ID, PolicyViolationException.OUTSIDE_WINDOW, "releases to "
                    + plan.environment() + " run " + dayList + " " + from + "-" + to + " " + zone + ", and it is "
                    + now.getDayOfWeek().name().substring(0, 3) + " " + now.toLocalTime().withNano(0) + " there",
                    "Wait for the window" + (next == null ? "" : ": it opens next at " + next.toOffsetDateTime()),
                    false));
        }
    }

    /**
     * In the named environments, refuse a superuser connection or a plain-text one to another host.
     *
     * @param environments where it applies; empty for every environment
     */
    public record LeastPrivilege(Set<String> environments) implements ReleasePolicy {
        /** The rule's id. */
        public static final String ID = "least-privilege";

        /** Copies. */
        public LeastPrivilege {
            environments = Set.copyOf(environments);
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            ConnectionFacts c = plan.connection();
            List<PolicyViolation> out = new ArrayList<>();
            if (c.superuser()) {
                out.add(new PolicyViolation(ID, PolicyViolationException.PRIVILEGED_CONNECTION, "the release to "
                        + plan.environment() + " connects to " + c.database() + " as " + c.user() + ", a superuser ("
                        + c.privilege() + ")", "Release as a user that owns the application's schema but is no"
                        + " superuser (grant it what the migrations need)", false));
            }
            if (!c.tls() && !c.local()) {
                out.add(new PolicyViolation(ID, PolicyViolationException.PRIVILEGED_CONNECTION, "the release to "
                        + plan.environment() + " connects to " + c.database() + " on " + c.host()
                        + " without TLS", "Connect with TLS (PostgreSQL sslmode=verify-full, MariaDB"
                        + " sslMode=verify-full)", false));
            }
            return out;
        }
    }

    /**
     * A user rule over the lint's findings: block, or require an approval for, the matching ones.
     *
     * @param id the rule's id, as the policy file names it
     * @param rule a glob over the findings' rule ids, or {@code null} for any
     * @param category the findings' category, or {@code null} for any
     * @param severity the least severity, or {@code null} for any
     * @param approvable whether an approval waives it
     * @param environments where it applies; empty for every environment
     */
    public record FindingsRule(String id, String rule, Finding.Category category, Finding.Severity severity,
            boolean approvable, Set<String> environments) implements ReleasePolicy {

        /** Validates and copies. */
        public FindingsRule {
            Objects.requireNonNull(id, "id");
            environments = Set.copyOf(environments);
        }

        boolean matches(Finding f) {
            return (rule == null || glob(rule).matcher(f.rule()).matches())
                    && (category == null || f.category() == category)
                    && (severity == null || f.severity().compareTo(severity) >= 0);
        }

        private static Pattern glob(String g) {
            return Pattern.compile(java.util.Arrays.stream(g.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*")));
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            if (!applies(environments, plan)) {
                return List.of();
            }
            List<Finding> hits = plan.findings().stream().filter(this::matches).toList();
            if (hits.isEmpty()) {
                return List.of();
            }
            return List.of(new PolicyViolation(id, PolicyViolationException.USER_RULE, "rule " + id + " matches "
                    + hits.size() + (hits.size() == 1 ? " finding: " : " findings: ") + list(hits),
                    approvable ? APPROVE : "Change the migrations so that no finding matches the rule", approvable));
        }
    }

    /**
     * Makes another rule's violations waivable by an approval, or not.
     *
     * @param rule the rule
     * @param waivable whether its violations are waivable
     */
    public record Waivable(ReleasePolicy rule, boolean waivable) implements ReleasePolicy {

        /** Validates. */
        public Waivable {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public List<PolicyViolation> evaluate(PlanView plan) {
            return rule.evaluate(plan).stream().map(v -> new PolicyViolation(v.rule(), v.code(), v.message(),
                    waivable && !v.waivable() ? APPROVE + ", or: " + v.remedy() : v.remedy(), waivable)).toList();
        }
    }
}
