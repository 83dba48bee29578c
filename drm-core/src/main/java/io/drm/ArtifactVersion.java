package io.drm;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a released artifact: its name, its version and the SHA-256 of its content,
 * written {@code name@version+sha256:hex}, for example
 * {@code countries@3+sha256:1f0c...} (64 hex digits).
 *
 * <p>Versions are ordered like Flyway versions: dot-separated numbers compared number by number,
 * so {@code 1.10 > 1.9}, and trailing zeros do not count ({@code 1.0} orders equal to {@code 1}).
 *
 * <pre>{@code
 * ArtifactVersion v = ArtifactVersion.parse("countries@3+sha256:" + hex);
 * v.name();     // "countries"
 * v.version();  // "3"
 * }</pre>
 *
 * @param name the artifact's name: letters, digits, {@code .}, {@code _} and {@code -}, starting
 *     with a letter or digit
 * @param version the version: dot-separated numbers, such as {@code 3} or {@code 1.10.2}
 * @param sha256 the SHA-256 of the content, 64 lower-case hex digits
 */
public record ArtifactVersion(String name, String version, String sha256) implements Comparable<ArtifactVersion> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}(\\.\\d{1,18}){0,15}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TEXT = Pattern.compile("([^@]*)@([^+]*)\\+sha256:(.*)");

    /** Orders versions like Flyway does: number by number, trailing zeros ignored. */
    public static final Comparator<String> VERSION_ORDER = ArtifactVersion::compareVersions;

    /**
     * Validates the parts.
     *
     * @throws InvalidArtifactVersionException if a part is malformed
     */
    public ArtifactVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!NAME.matcher(name).matches()) {
            throw invalid(name + "@" + version, "the name '" + name
                    + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw invalid(name + "@" + version, "the version '" + version
                    + "' must be dot-separated numbers, such as 3 or 1.10.2");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw invalid(name + "@" + version, "the SHA-256 must be 64 hex digits");
        }
    }

    /**
     * Returns a version for a name, a version and a content hash.
     *
     * @param name the artifact's name
     * @param version the version
     * @param sha256 the content's SHA-256 in hex
     * @return the value
     * @throws InvalidArtifactVersionException if a part is malformed
     */
    public static ArtifactVersion of(String name, String version, String sha256) {
        return new ArtifactVersion(name, version, sha256);
    }

    /**
     * Parses {@code name@version+sha256:hex}.
     *
     * @param text the text, as written by {@link #toString()}
     * @return the value
     * @throws InvalidArtifactVersionException if the text is not of that form
     */
    public static ArtifactVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw invalid(text, "expected name@version+sha256:<64 hex digits>, for example countries@3+sha256:1f0c...");
        }
        return new ArtifactVersion(m.group(1), m.group(2), m.group(3));
    }

    /**
     * Compares two versions like Flyway does ({@code 1.10 > 1.9}, {@code 1.0 == 1}).
     *
     * @param a a version of dot-separated numbers
     * @param b another
     * @return negative, zero or positive as {@code a} is lower, equal or higher
     */
    public static int compareVersions(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        int n = Math.max(pa.length, pb.length);
        for (int i = 0; i < n; i++) {
            BigInteger x = i < pa.length ? new BigInteger(pa[i]) : BigInteger.ZERO;
            BigInteger y = i < pb.length ? new BigInteger(pb[i]) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Orders by name, then version (Flyway order), then hash.
     *
     * @param other the other version
     * @return the comparison
     */
    @Override
    public int compareTo(ArtifactVersion other) {
        int c = name.compareTo(other.name);
        if (c == 0) {
            c = compareVersions(version, other.version);
        }
        return c != 0 ? c : sha256.compareTo(other.sha256);
    }

    /**
     * Returns {@code name@version+sha256:hex}.
     *
     * @return the text form, which {@link #parse(String)} reads back
     */
    @Override
    public String toString() {
        return name + "@" + version + "+sha256:" + sha256;
    }

    private static InvalidArtifactVersionException invalid(String text, String why) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return new InvalidArtifactVersionException("invalid artifact version '" + shown + "': " + why);
    }
}
