package io.drm.spi;

import java.util.List;
import java.util.Objects;

/**
 * A column of a data artifact that its manifest classifies ({@code PII}, {@code PHI}, {@code PCI},
 * {@code SECRET}).
 *
 * @param artifact the artifact's file, relative to its location
 * @param table the target table
 * @param column the column (lower case, as in the manifest)
 * @param classifications the tags, at least one
 */
public record ClassifiedColumn(String artifact, String table, String column, List<String> classifications) {

    /** Validates and copies. */
    public ClassifiedColumn {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        classifications = List.copyOf(classifications);
        if (classifications.isEmpty()) {
            throw new IllegalArgumentException("a classified column has at least one classification");
        }
    }

    /**
     * Returns {@code table.column}.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        return table + "." + column;
    }
}
