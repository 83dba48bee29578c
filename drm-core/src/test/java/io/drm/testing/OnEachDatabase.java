package io.drm.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test method once per enabled database, passing its {@link DbKind}. Servers that are not
 * reachable are reported as skipped, unless {@code DRM_REQUIRE_DBS=1} makes that a failure.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("io.drm.testing.TestDatabase#enabledKinds")
public @interface OnEachDatabase {
}
