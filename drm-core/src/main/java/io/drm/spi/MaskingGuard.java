package io.drm.spi;

import java.util.List;

/**
 * Tells which classified columns of a release lack masking rules, for the built-in policy
 * {@code masked-classified-columns}. drm-masking implements it over its {@code PromotionGuard} and
 * {@code MaskingRules} ({@code PromotionGuard.releaseGuard(...)}), so drm-core needs no masking code.
 *
 * <p>Contract: pure and thread-safe; must not block or write. An exception stops the release
 * with nothing written.
 */
@FunctionalInterface
public interface MaskingGuard {

    /**
     * Lists the columns that may not go to the environment unmasked.
     *
     * @param environment the environment released to
     * @param columns the classified columns of the plan's artifacts
     * @return those without a masking rule where one is needed (empty when none is needed, for
     *     example a release that does not go down to a lower environment)
     */
    List<ClassifiedColumn> unmasked(String environment, List<ClassifiedColumn> columns);
}
