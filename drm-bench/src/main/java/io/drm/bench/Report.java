package io.drm.bench;

import java.util.List;

/** Prints the results as a Markdown table that can be pasted into a README. */
final class Report {

    private Report() {
    }

    /**
     * Prints the table to standard output.
     *
     * @param results the results, in run order
     */
    static void printMarkdown(List<ScenarioResult> results) {
        System.out.println("| scenario | drm ms | Flyway ms | ratio | target | result |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (ScenarioResult result : results) {
            System.out.println(result.markdownRow());
        }
    }
}
