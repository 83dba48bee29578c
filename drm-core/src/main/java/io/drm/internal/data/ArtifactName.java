package io.drm.internal.data;

import io.drm.StepKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a data artifact's or configuration document's file name says:
 * {@code V<version>__<name>.csv}, {@code .json}, {@code .ndjson}, {@code .config.json},
 * {@code .config.yaml} (or {@code .config.yml}), each optionally followed by {@code .enc} when the
 * file is encrypted.
 *
 * @param version the normalised version (dots)
 * @param name the artifact's name (also the default target table)
 * @param format the file format
 * @param encrypted whether the file ends with {@code .enc}
 */
public record ArtifactName(String version, String name, Format format, boolean encrypted) {

    /** The formats drm reads. */
    public enum Format {
        /** RFC 4180 CSV with a header row. */
        CSV,
        /** A JSON array of objects. */
        JSON,
        /** One JSON object a line. */
        NDJSON,
        /** A configuration document in JSON: an object of keys to JSON values. */
        CONFIG_JSON,
        /** A configuration document in YAML: a mapping of keys to values. */
        CONFIG_YAML;

        /**
         * Tells whether the format is a configuration document.
         *
         * @return {@code true} for the config formats
         */
        public boolean config() {
            return this == CONFIG_JSON || this == CONFIG_YAML;
        }
    }

    /** The suffix of a manifest beside an artifact. */
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private static final Pattern PATTERN = Pattern.compile(
            "V(\\d+(?:[._]\\d+)*)__([A-Za-z0-9][A-Za-z0-9._-]*?)\\.(csv|ndjson|json|config\\.json|config\\.ya?ml)(\\.enc)?");

    /**
     * Parses a file name.
     *
     * @param fileName the name without directories
     * @return the artifact name, or {@code null} when the file is not a data artifact or config document
     */
    public static ArtifactName parse(String fileName) {
        if (fileName.endsWith(MANIFEST_SUFFIX)) {
            return null;
        }
        Matcher m = PATTERN.matcher(fileName);
        if (!m.matches() || m.group(2).length() > 200) {
            return null;
        }
        String ext = m.group(3).toLowerCase(Locale.ROOT);
        Format format = switch (ext) {
            case "csv" -> Format.CSV;
            case "json" -> Format.JSON;
            case "ndjson" -> Format.NDJSON;
            case "config.json" -> Format.CONFIG_JSON;
            default -> Format.CONFIG_YAML;
        };
        return new ArtifactName(m.group(1).replace('_', '.'), m.group(2), format, m.group(4) != null);
    }

    /**
     * Returns the step kind.
     *
     * @return {@link StepKind#CONFIG} for configuration documents, else {@link StepKind#DATA}
     */
    public StepKind kind() {
        return format.config() ? StepKind.CONFIG : StepKind.DATA;
    }

    /**
     * Returns the description of the step: the name with underscores as spaces, like SQL migrations.
     *
     * @return the description
     */
    public String description() {
        return name.replace('_', ' ');
    }
}
