package io.drm.internal;

import io.drm.ArtifactVersion;
import io.drm.CheckFinding;
import io.drm.DrmException;
import io.drm.HistoryExportException;
import io.drm.InvalidMigrationNameException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline check: lists the locations (reads no file content, opens no database) and collects
 * every problem as a {@link CheckFinding}.
 */
public final class OfflineChecker {

    private static final Pattern ARTIFACT = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.(csv|json|ndjson)");
    private static final Pattern DATA_FILE = Pattern.compile(".*\\.(csv|json|ndjson)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOKS_VERSIONED = Pattern.compile("[VvUuRr]\\d.*|[Rr]__.*|.*__.*");

    private final LocationScanner scanner;

    /**
     * Creates a checker.
     *
     * @param classLoader the class loader for {@code classpath:} locations
     */
    public OfflineChecker(ClassLoader classLoader) {
        this.scanner = new LocationScanner(classLoader);
    }

    /** A versioned file: a V migration or a data artifact. */
    private record Versioned(String version, String canonical, String where) {
    }

    /**
     * Checks locations.
     *
     * @param locations the locations
     * @param historyExport a history export, or {@code null}
     * @param requireManifests whether data artifacts need manifests
     * @return the findings
     * @throws HistoryExportException if the export cannot be read
     */
    public List<CheckFinding> check(List<String> locations, Path historyExport, boolean requireManifests) {
        HistoryExportReader.Released released = historyExport == null ? null : HistoryExportReader.read(historyExport);
        List<CheckFinding> findings = new ArrayList<>();
        Map<String, List<Versioned>> byVersion = new LinkedHashMap<>();
        Map<String, List<String>> repeatables = new LinkedHashMap<>();
        Map<String, String> undos = new LinkedHashMap<>();
        for (String location : locations) {
            List<String> paths;
            try {
                paths = scanner.listPaths(location);
            } catch (DrmException e) {
                findings.add(new CheckFinding(CheckFinding.Kind.LOCATION_NOT_FOUND, e.getMessage(), List.of(location)));
                continue;
            }
            Set<String> all = Set.copyOf(paths);
            for (String relative : paths) {
                String where = location + (location.endsWith("/") ? "" : "/") + relative;
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    MigrationName parsed;
                    try {
                        parsed = MigrationName.of(name, where);
                    } catch (InvalidMigrationNameException e) {
                        findings.add(new CheckFinding(CheckFinding.Kind.MISNAMED_FILE, e.getMessage(), List.of(where)));
                        continue;
                    }
                    if (parsed.type() == MigrationName.Type.VERSIONED) {
                        add(byVersion, parsed.version(), where);
                    } else if (parsed.type() == MigrationName.Type.UNDO) {
                        undos.put(where, parsed.version());
                    } else if (parsed.type() == MigrationName.Type.REPEATABLE) {
                        repeatables.computeIfAbsent(parsed.description(), k -> new ArrayList<>()).add(where);
                    }
                } else if (DATA_FILE.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).endsWith(".manifest.json")) {
                    Matcher m = ARTIFACT.matcher(name);
                    if (m.matches()) {
                        add(byVersion, m.group(1).replace('_', '.'), where);
                        if (requireManifests && !all.contains(relative + ".manifest.json")) {
                            findings.add(new CheckFinding(CheckFinding.Kind.ARTIFACT_WITHOUT_MANIFEST, "the data"
                                    + " artifact " + where + " has no manifest " + name + ".manifest.json beside it,"
                                    + " and manifests are required. Add one (target table, key columns, load mode).",
                                    List.of(where)));
                        }
                    } else if (LOOKS_VERSIONED.matcher(name).matches()) {
                        findings.add(new CheckFinding(CheckFinding.Kind.MISNAMED_FILE, "the data file " + where
                                + " looks like a data artifact but is not named V<version>__<name>.csv, .json or"
                                + " .ndjson, so it would never be loaded. Rename it (for example V3__countries.csv).",
                                List.of(where)));
                    }
                }
            }
        }
        for (Map.Entry<String, List<Versioned>> entry : byVersion.entrySet()) {
            List<Versioned> files = entry.getValue();
            if (files.size() > 1) {
                List<String> wheres = files.stream().map(Versioned::where).toList();
                findings.add(new CheckFinding(CheckFinding.Kind.VERSION_COLLISION, files.size() + " files have version "
                        + files.get(0).version() + ": " + String.join(", ", wheres) + ". Two branches probably"
                        + " picked the same number; give all but one the next free version.", wheres));
            }
        }
        for (Map.Entry<String, List<String>> entry : repeatables.entrySet()) {
            if (entry.getValue().size() > 1) {
                findings.add(new CheckFinding(CheckFinding.Kind.DUPLICATE_REPEATABLE, "repeatable migrations "
                        + String.join(", ", entry.getValue()) + " have the same description '" + entry.getKey()
                        + "'. Rename all but one.", entry.getValue()));
            }
        }
        for (Map.Entry<String, String> undo : undos.entrySet()) {
            if (!byVersion.containsKey(LocationScanner.canonicalVersion(undo.getValue()))) {
                findings.add(new CheckFinding(CheckFinding.Kind.UNDO_WITHOUT_MIGRATION, "the undo script "
                        + undo.getKey() + " undoes version " + undo.getValue() + ", but no V" + undo.getValue()
                        + "__ migration is in the locations. Restore the migration, fix the undo script's version,"
                        + " or remove it.", List.of(undo.getKey())));
            }
        }
        if (released != null && released.highest() != null) {
            for (List<Versioned> files : byVersion.values()) {
                Versioned file = files.get(0);
                if (ArtifactVersion.compareVersions(file.version(), released.highest()) < 0
                        && !released.versions().contains(file.canonical())) {
                    List<String> wheres = files.stream().map(Versioned::where).toList();
                    findings.add(new CheckFinding(CheckFinding.Kind.BELOW_RELEASED_VERSION, String.join(", ", wheres)
                            + " has version " + file.version() + ", below version " + released.highest()
                            + " already released in the history export, and is not in that history: a late merge."
                            + " Give it a version above " + released.highest() + ", or allow it with"
                            + " outOfOrder(environment).", wheres));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void add(Map<String, List<Versioned>> byVersion, String version, String where) {
        String canonical = LocationScanner.canonicalVersion(version);
        byVersion.computeIfAbsent(canonical, k -> new ArrayList<>()).add(new Versioned(version, canonical, where));
    }
}
