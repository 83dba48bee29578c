package io.drm.internal;

import java.util.Set;

/**
 * How drm takes over a database it did not create: a baseline for a schema with objects and no
 * history, a Liquibase changelog to import, and the environments where late-merged lower versions
 * are applied out of order.
 *
 * @param baselineVersion the Flyway baseline version for a schema with objects and no history, or
 *     {@code null}
 * @param baselineDescription the baseline's description, or {@code null}
 * @param liquibaseVersion the version at which a schema migrated by Liquibase is baselined after its
 *     {@code DATABASECHANGELOG} is imported, or {@code null}
 * @param outOfOrderEnvironments the environments where out-of-order migrations are applied
 */
public record Adoption(String baselineVersion, String baselineDescription, String liquibaseVersion,
        Set<String> outOfOrderEnvironments) {

    /** Nothing configured: today's behaviour. */
    public static final Adoption NONE = new Adoption(null, null, null, Set.of());

    /** Description of the baseline Flyway writes when a Liquibase history is imported. */
    public static final String LIQUIBASE_DESCRIPTION = "<< drm: imported from Liquibase DATABASECHANGELOG >>";

    /** Copies. */
    public Adoption {
        outOfOrderEnvironments = Set.copyOf(outOfOrderEnvironments);
    }

    /**
     * Tells whether out-of-order migrations are applied in an environment.
     *
     * @param environment the release's environment
     * @return whether they are
     */
    public boolean outOfOrderIn(String environment) {
        return outOfOrderEnvironments.contains(environment);
    }
}
