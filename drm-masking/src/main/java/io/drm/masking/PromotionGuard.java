package io.drm.masking;

import io.drm.ConfigurationException;
import io.drm.masking.internal.ColumnDecryptMasker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to copy data down to a lower environment (production to staging, test or a developer's
 * machine) while a sensitive column would arrive unmasked. Immutable and thread-safe.
 *
 * <p>Environments are ranked from high to low. {@link #standard()} ranks
 * {@code prod > staging > test > dev}, with the aliases {@code production} for prod,
 * {@code stage} for staging, {@code qa} for test, and {@code development} and {@code local} for
 * dev. Names are compared case-insensitively. A copy is <em>downward</em> when it goes from a
 * higher environment to a lower one; only downward copies are checked.
 *
 * <pre>{@code
 * ClassificationReport report = PiiClassifier.create().classify(production);
 * MaskingRules rules = MaskingRules.load(Path.of("masking-rules.json"), keys);
 * PromotionGuard.standard().check("prod", "dev", report, rules);   // throws if a column is uncovered
 * }</pre>
 */
public final class PromotionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionGuard.class);

    /** environment or alias (lower case) to its rank, 0 the highest */
    private final Map<String, Integer> ranks;
    /** canonical names by rank, with their aliases, for messages */
    private final List<String> described;

    private PromotionGuard(Map<String, Integer> ranks, List<String> described) {
        this.ranks = Collections.unmodifiableMap(ranks);
        this.described = List.copyOf(described);
    }

    /** @return the guard for {@code prod > staging > test > dev} and their aliases */
    public static PromotionGuard standard() {
        List<List<String>> names = List.of(List.of("prod", "production"), List.of("staging", "stage"),
                List.of("test", "qa"), List.of("dev", "development", "local"));
        return build(names);
    }

    /**
     * @param environmentsHighToLow environment names from the highest (production) to the lowest
     * @return the guard for that order
     * @throws NullPointerException if the list or a name is null
     * @throws IllegalArgumentException if the list is empty, or a name is blank or given twice
     *     (case-insensitively)
     */
    public static PromotionGuard of(List<String> environmentsHighToLow) {
        Objects.requireNonNull(environmentsHighToLow, "environmentsHighToLow");
        if (environmentsHighToLow.isEmpty()) {
            throw new IllegalArgumentException("name at least one environment");
        }
        List<List<String>> names = new ArrayList<>();
        for (String e : environmentsHighToLow) {
            Objects.requireNonNull(e, "environment");
            names.add(List.of(e));
        }
        return build(names);
    }

    private static PromotionGuard build(List<List<String>> names) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        List<String> described = new ArrayList<>();
        for (int rank = 0; rank < names.size(); rank++) {
            List<String> group = names.get(rank);
            for (String name : group) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("an environment name must not be blank");
                }
                if (ranks.put(fold(name), rank) != null) {
                    throw new IllegalArgumentException("environment " + name + " is listed twice");
                }
            }
            described.add(group.size() == 1 ? group.get(0)
                    : group.get(0) + " (" + String.join(", ", group.subList(1, group.size())) + ")");
        }
        return new PromotionGuard(ranks, described);
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param from the environment the data comes from
     * @param to the environment it is copied to
     * @return whether {@code to} ranks lower than {@code from}; false for the same environment
     * @throws NullPointerException if an argument is null
     * @throws ConfigurationException if an environment is not known to this guard; the message lists
     *     the known ones
     */
    public boolean isDownward(String from, String to) {
        return rank(from) < rank(to);
    }

    private int rank(String environment) {
        Objects.requireNonNull(environment, "environment");
        Integer rank = ranks.get(fold(environment));
        if (rank == null) {
            throw new ConfigurationException("unknown environment '" + environment + "'; known, from high to low: "
                    + String.join(" > ", described) + "; use one of them or a guard made with PromotionGuard.of(...)");
        }
        return rank;
    }

    /**
     * Checks a copy from {@code from} to {@code to}: when it is downward, every sensitive column of
     * the report must have a masking rule. A copy that is not downward is not checked.
     *
     * @param from the environment the data comes from
     * @param to the environment it is copied to
     * @param report the classification of the data being copied
     * @param rules the masking rules the copy will apply
     * @throws NullPointerException if an argument is null
     * @throws ConfigurationException if an environment is not known to this guard
     * @throws PromotionBlockedException if the copy is downward and a sensitive column has no rule; the
     *     message names every such column with its classification
     */
    public void check(String from, String to, ClassificationReport report, MaskingRules rules) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(rules, "rules");
        if (!isDownward(from, to)) {
            LOG.debug("copy from {} to {} is not downward; no masking required", from, to);
            return;
        }
        List<String> uncovered = new ArrayList<>();
        for (ColumnClassification c : uncovered(report, rules)) {
            uncovered.add(c.qualifiedName() + " (" + c.classification() + ", " + c.detector() + ")");
        }
        if (!uncovered.isEmpty()) {
            throw new PromotionBlockedException("copying data from " + from + " down to " + to + " is blocked: "
                    + uncovered.size() + (uncovered.size() == 1 ? " sensitive column has" : " sensitive columns have")
                    + " no masking rule: " + String.join(", ", uncovered) + ". Add a rule for each (the report's"
                    + " toRulesJson proposes some), then copy again; nothing was copied");
        }
        LOG.info("copy from {} to {}: all {} sensitive columns have masking rules", from, to,
                report.sensitive().size());
    }

    /**
     * Lists the sensitive columns of a report that have no masking rule, whatever the direction. A
     * {@code decrypt} rule ({@link Maskers#decrypt}) writes plaintext, so it does not cover a
     * column.
     *
     * @param report the classification of the data being copied
     * @param rules the masking rules the copy will apply
     * @return the uncovered columns, in the report's order
     * @throws NullPointerException if an argument is null
     */
    public static List<ColumnClassification> uncovered(ClassificationReport report, MaskingRules rules) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(rules, "rules");
        List<ColumnClassification> out = new ArrayList<>();
        for (ColumnClassification c : report.sensitive()) {
            Optional<MaskingRules.ColumnRule> rule = rules.rule(c.table(), c.column());
            if (rule.isEmpty() || rule.get().masker() instanceof ColumnDecryptMasker) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Returns this guard as the masking guard of drm-core's policy rule
     * {@code masked-classified-columns} ({@code Policy.maskClassifiedColumns(guard)} or
     * {@code DataRelease.Builder.maskingGuard(guard)}): a release of data artifacts from
     * {@code sourceEnvironment} to a lower environment may not carry a column its manifest classifies
     * (PII, PHI, PCI, SECRET) unless {@code rules} has a masking rule for that table and column. A
     * release that is not downward (to the same or a higher environment) needs no rule.
     *
     * <pre>{@code
     * DataRelease.configure().dataSource(devDs).locations("classpath:db/release").environment("dev")
     *         .policies(Policy.maskClassifiedColumns(PromotionGuard.standard().releaseGuard("prod", rules)))
     *         .plan();
     * }</pre>
     *
     * @param sourceEnvironment the environment the artifacts' data comes from
     * @param rules the masking rules that cover the classified columns
     * @return the masking guard; it throws {@link ConfigurationException} for an environment this guard
     *     does not know
     * @throws NullPointerException if an argument is null
     * @throws ConfigurationException if {@code sourceEnvironment} is not known to this guard
     */
    public io.drm.spi.MaskingGuard releaseGuard(String sourceEnvironment, MaskingRules rules) {
        Objects.requireNonNull(rules, "rules");
        rank(sourceEnvironment);
        return (environment, columns) -> {
            if (!isDownward(sourceEnvironment, environment)) {
                return List.of();
            }
            List<io.drm.spi.ClassifiedColumn> out = new ArrayList<>();
            for (io.drm.spi.ClassifiedColumn c : columns) {
                boolean sensitive = c.classifications().stream().anyMatch(t -> {
                    try {
                        return Classification.valueOf(t.toUpperCase(Locale.ROOT)).sensitive();
                    } catch (IllegalArgumentException e) {
                        return true; // an unknown tag is treated as sensitive
                    }
                });
                if (sensitive && rules.rule(c.table(), c.column()).isEmpty()) {
                    out.add(c);
                }
            }
            return out;
        };
    }

    @Override
    public String toString() {
        return "PromotionGuard[" + String.join(" > ", described) + "]";
    }
}
