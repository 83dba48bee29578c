package io.drm.internal.lint;

import java.util.Objects;

/**
 * One pending SQL migration to lint.
 *
 * @param step the step's version, or the description of a repeatable step
 * @param file where the script is, {@code <location>/<path>}
 * @param text the script's text
 */
public record Script(String step, String file, String text) {
    /** Validates. */
    public Script {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }
}
