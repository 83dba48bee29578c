package io.drm;

import io.drm.internal.policy.PolicyReader;
import io.drm.internal.policy.Rules;
import io.drm.spi.MaskingGuard;
import io.drm.spi.ReleasePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of release rules, given to {@link DataRelease.Builder#policies(Policy...)}: drm's built-in
 * rules (the factories of this class), rules read from a JSON or YAML policy file
 * ({@link #load(Path)}, {@link #parse(String)}), and rules written in Java ({@link #of(ReleasePolicy...)}).
 * Each built-in rule applies in the environments it names, or in every environment when it names
 * none. Immutable and thread-safe. The file format and every rule are described in docs/policy.md.
 *
 * <pre>{@code
 * ReleasePlan plan = DataRelease.configure().dataSource(ds).locations("classpath:db/release")
 *         .environment("prod")
 *         .policies(Policy.load(Path.of("release-policy.yaml")),
 *                 Policy.requireApproval("prod"),
 *                 Policy.releaseWindow(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(16, 0),
 *                         Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
 *                         "prod"))
 *         .approver("prod", "alice", alicePublicKey)
 *         .plan();
 * plan.violations();                     // what blocks it, and how to satisfy each rule
 * }</pre>
 */
public final class Policy {

    private final List<ReleasePolicy> rules;

    private Policy(List<ReleasePolicy> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Wraps rules written in Java.
     *
     * @param rules the rules
     * @return the policy
     */
    public static Policy of(ReleasePolicy... rules) {
        Objects.requireNonNull(rules, "rules");
        for (ReleasePolicy r : rules) {
            Objects.requireNonNull(r, "rule");
        }
        return new Policy(Arrays.asList(rules));
    }

    /**
     * Reads a policy file: YAML for {@code .yaml} and {@code .yml} files and for text that does not
     * start with <code>{</code>, JSON otherwise.
     *
     * @param file the file
     * @return the policy
     * @throws InvalidPolicyException ({@code DRM-POLICY-001}) if the file cannot be read or is not a
     *     valid policy; the message names the file, line and field
     */
    public static Policy load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPolicyException("the policy file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return new Policy(PolicyReader.read(text, file.toString()));
    }

    /**
     * Reads a policy from text: JSON when it starts with <code>{</code>, YAML otherwise.
     *
     * @param text the policy
     * @return the policy
     * @throws InvalidPolicyException ({@code DRM-POLICY-001}) if it is not a valid policy; the message
     *     names the line and field
     */
    public static Policy parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Policy(PolicyReader.read(text, "policy text"));
    }

    /**
     * Breaking changes need an approval: a plan with an {@code ERROR} finding, or one of category
     * {@code BREAKING}, {@code DEPENDENCY} or {@code DATA_DESTRUCTIVE}, is blocked
     * ({@code DRM-POLICY-010}) unless applied with a valid {@link Approval}. Other plans are
     * auto-approved.
     *
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy requireApproval(String... environments) {
        return new Policy(List.of(new Rules.RequireApproval(envs(environments))));
    }

    /**
     * Statements that destroy or overwrite existing data that drm's safety snapshots cannot cover
     * (a filtered {@code DELETE} or {@code UPDATE}, {@code MERGE}, MySQL {@code REPLACE},
     * {@code DROP SCHEMA}/{@code DATABASE}) are blocked ({@code DRM-POLICY-011}) unless their
     * migration has an undo script.
     *
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy destructiveNeedsUndo(String... environments) {
        return new Policy(List.of(new Rules.DestructiveWithoutUndo(envs(environments))));
    }

    /**
     * A release needs a valid attestation from an environment for exactly its content
     * ({@code DRM-POLICY-012}), checked as the promotion gate checks it
     * ({@link DataRelease.Builder#promotedFrom(Attestation)}, {@link DataRelease.Builder#trustAttestationKeys}).
     *
     * @param fromEnvironment the environment that must have released the same content
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy requireAttestation(String fromEnvironment, String... environments) {
        return new Policy(List.of(new Rules.RequireAttestation(nonBlank(fromEnvironment), envs(environments))));
    }

    /**
     * Data artifacts whose manifest classifies columns (PII, PHI, PCI, SECRET) are blocked
     * ({@code DRM-POLICY-013}) while the guard finds columns without masking rules; drm-masking's
     * {@code PromotionGuard.releaseGuard(sourceEnvironment, rules)} is such a guard.
     *
     * @param guard the masking guard
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy maskClassifiedColumns(MaskingGuard guard, String... environments) {
        Objects.requireNonNull(guard, "guard");
        return new Policy(List.of(new Rules.MaskedColumns(guard, envs(environments))));
    }

    /**
     * A data step may load at most {@code limit} rows (the rows of its file); a larger one needs an
     * approval ({@code DRM-POLICY-014}).
     *
     * @param limit the most rows a data step may touch, at least 0
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy maxRows(long limit, String... environments) {
        if (limit < 0) {
            throw new IllegalArgumentException("the row limit must be >= 0: " + limit);
        }
        return new Policy(List.of(new Rules.MaxRows(limit, envs(environments))));
    }

    /**
     * Releases run only from {@code from} (inclusive) to {@code to} (exclusive) on the given days, in
     * a zone, by the builder's clock; outside it a release is blocked ({@code DRM-POLICY-015}). A
     * window with {@code to} before {@code from} runs past midnight and belongs to the day it opens.
     *
     * @param zone the zone the times are in
     * @param from when the window opens
     * @param to when it closes
     * @param days the days it opens; empty for every day
     * @param environments where it applies; none for every environment
     * @return the policy
     */
    public static Policy releaseWindow(ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days,
            String... environments) {
        Objects.requireNonNull(days, "days");
        return new Policy(List.of(new Rules.ReleaseWindow(zone, from, to, days, envs(environments))));
    }

    /**
     * Least privilege: a release over a superuser connection (PostgreSQL {@code rolsuper}, MySQL/MariaDB
     * {@code root}, {@code SUPER} or {@code ALL PRIVILEGES ON *.*}, H2 {@code ADMIN}) or over a plain-text
     * connection to a host that is not this machine is blocked ({@code DRM-POLICY-016}).
     *
     * @param environments where it applies; none for every environment (name production here)
     * @return the policy
     */
    public static Policy leastPrivilege(String... environments) {
        return new Policy(List.of(new Rules.LeastPrivilege(envs(environments))));
    }

    /**
     * Returns the rules, in order.
     *
     * @return the rules
     */
    public List<ReleasePolicy> rules() {
        return rules;
    }

    /**
     * Returns a policy with this policy's rules followed by another's.
     *
     * @param other the other policy
     * @return the combined policy
     */
    public Policy and(Policy other) {
        Objects.requireNonNull(other, "other");
        List<ReleasePolicy> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new Policy(all);
    }

    @Override
    public String toString() {
        return "Policy" + rules;
    }

    private static Set<String> envs(String... environments) {
        Objects.requireNonNull(environments, "environments");
        for (String e : environments) {
            nonBlank(e);
        }
        return Set.of(environments);
    }

    private static String nonBlank(String environment) {
        Objects.requireNonNull(environment, "environment");
        if (environment.isBlank()) {
            throw new IllegalArgumentException("an environment name must not be blank");
        }
        return environment;
    }
}
