package io.drm.internal.data;

import io.drm.InvalidManifestException;
import io.drm.internal.Hashing;
import io.drm.internal.ScannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers over the scanned files that are data artifacts. */
public final class Artifacts {

    /** Opens a file of a location. */
    @FunctionalInterface
    public interface FileOpener {
        /**
         * Opens a file.
         *
         * @param location the location
         * @param relative the path in it
         * @return its bytes
         * @throws IOException if it cannot be read
         */
        InputStream open(String location, String relative) throws IOException;
    }

    private Artifacts() {
    }

    /**
     * Reads each artifact's manifest ({@code <file>.manifest.json} beside it) into its scanned file.
     *
     * @param files the scanned files
     * @param opener opens a file
     * @return the files, artifacts with their manifests
     * @throws InvalidManifestException if a manifest is invalid or has no artifact beside it
     */
    public static List<ScannedFile> attachManifests(List<ScannedFile> files, FileOpener opener) {
        Map<String, ScannedFile> manifests = new HashMap<>();
        for (ScannedFile file : files) {
            if (file.fileName().endsWith(ArtifactName.MANIFEST_SUFFIX)) {
                manifests.put(file.location() + "|" + file.relativePath(), file);
            }
        }
        if (manifests.isEmpty()) {
            return files;
        }
        List<ScannedFile> out = new ArrayList<>(files.size());
        for (ScannedFile file : files) {
            ScannedFile manifest = file.artifact() == null ? null
                    : manifests.remove(file.location() + "|" + file.relativePath() + ArtifactName.MANIFEST_SUFFIX);
            if (manifest == null) {
                out.add(file);
                continue;
            }
            if (file.artifact().name().format().config()) {
                throw new InvalidManifestException("the manifest " + manifest.displayPath() + " belongs to a"
                        + " configuration document, which takes no manifest. Remove it.");
            }
            byte[] content;
            try (InputStream in = opener.open(manifest.location(), manifest.relativePath())) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifest.displayPath(), e);
            }
            Manifest parsed = Manifest.parse(content, manifest.displayPath());
            out.add(new ScannedFile(file.location(), file.relativePath(), file.sha256(), file.name(),
                    file.artifact().withManifest(parsed, Hashing.sha256Hex(content))));
        }
        for (ScannedFile orphan : manifests.values()) {
            throw new InvalidManifestException("the manifest " + orphan.displayPath() + " has no artifact beside it"
                    + " (expected " + orphan.relativePath().substring(0, orphan.relativePath().length()
                    - ArtifactName.MANIFEST_SUFFIX.length()) + "). Rename it after its artifact, or remove it.");
        }
        return out;
    }

    /**
     * Finds the artifact of a version, for Flyway's view of a drm Java migration (whose script is the
     * migration's class name).
     *
     * @param files the scanned files
     * @param version the version
     * @return the artifact's file, or {@code null}
     */
    public static ScannedFile byVersion(Iterable<ScannedFile> files, String version) {
        if (version == null) {
            return null;
        }
        for (ScannedFile file : files) {
            if (file.artifact() != null && io.drm.ArtifactVersion.compareVersions(file.artifact().name().version(),
                    version) == 0) {
                return file;
            }
        }
        return null;
    }
}
