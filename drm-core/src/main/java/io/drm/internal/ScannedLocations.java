package io.drm.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the locations hold.
 *
 * @param files every file, sorted by location and path
 * @param contentHash SHA-256 over every file's location, path and content hash
 * @param stamp SHA-256 over every file's location, path, size and modification time (or jar CRC)
 */
public record ScannedLocations(List<ScannedFile> files, String contentHash, String stamp) {

    /** Copies. */
    public ScannedLocations {
        files = List.copyOf(files);
    }

    /**
     * Indexes the files by relative path, the way Flyway names scripts.
     *
     * @return path to file (the first one when two locations hold the same path)
     */
    public Map<String, ScannedFile> byRelativePath() {
        Map<String, ScannedFile> map = new HashMap<>(Math.max(16, files.size() * 4 / 3 + 1));
        for (ScannedFile file : files) {
            map.putIfAbsent(file.relativePath(), file);
        }
        return map;
    }
}
