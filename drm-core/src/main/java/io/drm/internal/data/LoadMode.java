package io.drm.internal.data;

import java.util.Locale;

/** How an artifact's rows meet the rows already in its table. */
public enum LoadMode {
    /** Insert rows whose key is new, update rows whose key exists and whose values differ. */
    UPSERT,
    /** Like upsert, and delete the table's rows whose key is not in the artifact. */
    REPLACE,
    /** Insert every row; a row that collides with an existing key fails the load. */
    INSERT;

    /**
     * Parses a mode as written in a manifest.
     *
     * @param text {@code upsert}, {@code replace} or {@code insert}
     * @return the mode, or {@code null} when unknown
     */
    public static LoadMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "upsert" -> UPSERT;
            case "replace" -> REPLACE;
            case "insert" -> INSERT;
            default -> null;
        };
    }

    /**
     * Returns the mode as written in a manifest.
     *
     * @return lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
