package io.drm.internal.lint;

import io.drm.Finding;
import io.drm.Finding.Category;
import io.drm.Finding.Severity;
import java.util.List;

/** Adds findings for the statement being linted. */
final class Emitter {
    private final List<Finding> out;
    private String step;
    private String file;
    private int line;

    Emitter(List<Finding> out) {
        this.out = out;
    }

    void at(String newStep, String newFile, int newLine) {
        this.step = newStep;
        this.file = newFile;
        this.line = newLine;
    }

    int line() {
        return line;
    }

    void add(String rule, Severity severity, Category category, String message) {
        out.add(new Finding(rule, severity, category, step, file, line, message));
    }
}
