package io.drm.spi;

import io.drm.PolicyViolation;
import java.util.List;

/**
 * A rule a release plan must satisfy before it runs: drm's built-in rules and user rules (from a
 * policy file or written in Java) are all {@code ReleasePolicy}s, registered with
 * {@code DataRelease.Builder.policies(...)}.
 *
 * <p>Contract: {@link #evaluate} is a pure function of the plan's facts; it is called on the
 * releasing thread when the plan is made and again before the release lock in {@code apply()}
 * (with the clock's time then), must not block for long, and must not write to the database. An
 * exception it throws stops the release with nothing written. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ReleasePolicy noFridays = plan -> plan.time().atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.FRIDAY
 *         ? List.of(new PolicyViolation("no-fridays", PolicyViolationException.USER_RULE,
 *                 "releases are not made on Fridays", "release on Monday", false))
 *         : List.of();
 * }</pre>
 */
@FunctionalInterface
public interface ReleasePolicy {

    /**
     * Evaluates the rule.
     *
     * @param plan the plan's facts
     * @return the violations, empty when the plan satisfies the rule; never {@code null}
     */
    List<PolicyViolation> evaluate(PlanView plan);
}
