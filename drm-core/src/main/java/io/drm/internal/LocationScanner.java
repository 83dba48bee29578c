package io.drm.internal;

import io.drm.ConfigurationException;
import io.drm.DuplicateVersionException;
import io.drm.LocationNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the configured locations: every file, its SHA-256, and what its name says. Checks names
 * and duplicate versions, and computes the content hash of all locations, without Flyway.
 */
public final class LocationScanner {

    private final ClassLoader classLoader;

    /**
     * Creates a scanner.
     *
     * @param classLoader the class loader for {@code classpath:} locations
     */
    public LocationScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Checks that a location's syntax is supported, without reading it.
     *
     * @param location a location string
     * @throws ConfigurationException if the prefix or syntax is not supported
     */
    public static void checkSyntax(String location) {
        if (location.isBlank()) {
            throw new ConfigurationException("a location is blank; use classpath:<path> or filesystem:<path>");
        }
        if (location.contains("*") || location.contains("?")) {
            throw new ConfigurationException("location '" + location + "' has a wildcard; drm takes plain"
                    + " classpath:<path> or filesystem:<path> locations");
        }
        int colon = location.indexOf(':');
        if (colon > 1) {
            String prefix = location.substring(0, colon);
            if (!prefix.equals("classpath") && !prefix.equals("filesystem")) {
                throw new ConfigurationException("location '" + location + "' has the unsupported prefix '"
                        + prefix + ":'; use classpath:<path> or filesystem:<path>");
            }
        }
    }

    /**
     * Scans locations.
     *
     * @param locations the locations, in Flyway syntax
     * @return the files and the content hash
     * @throws LocationNotFoundException if a location does not exist
     * @throws io.drm.InvalidMigrationNameException if a SQL file is misnamed
     * @throws DuplicateVersionException if two migrations share a version
     */
    public ScannedLocations scan(List<String> locations) {
        List<ScannedFile> files = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                scanDirectory(location, Paths.get(location.substring("filesystem:".length())), files);
            } else {
                scanClasspath(location, files);
            }
        }
        files.sort(Comparator.comparing(ScannedFile::location).thenComparing(ScannedFile::relativePath));
        checkDuplicates(files);
        return new ScannedLocations(files, contentHash(files));
    }

    private void scanClasspath(String location, List<ScannedFile> files) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        path = strip(path);
        Enumeration<URL> urls;
        try {
            urls = classLoader.getResources(path);
        } catch (IOException e) {
            throw new LocationNotFoundException("cannot read location '" + location + "': " + e.getMessage(), e);
        }
        List<URL> found = Collections.list(urls);
        if (found.isEmpty()) {
            throw notFound(location, "no such resource on the classpath");
        }
        for (URL url : found) {
            if ("file".equals(url.getProtocol())) {
                try {
                    scanDirectory(location, Paths.get(url.toURI()), files);
                } catch (URISyntaxException e) {
                    throw notFound(location, "unreadable URL " + url);
                }
            } else {
                scanJar(location, url, files);
            }
        }
    }

    private static void scanDirectory(String location, Path dir, List<ScannedFile> files) {
        if (!Files.isDirectory(dir)) {
            throw notFound(location, Files.exists(dir) ? "it is a file, not a directory" : "no such directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files.add(scanned(location, relative, Files.readAllBytes(file)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LocationNotFoundException("cannot read location '" + location + "': " + e.getMessage(), e);
        }
    }

    private static void scanJar(String location, URL url, List<ScannedFile> files) {
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection)) {
                throw new ConfigurationException("location '" + location + "' resolves to " + url.getProtocol()
                        + ": URLs, which drm cannot list; use a directory or a jar on the classpath");
            }
            JarURLConnection jar = (JarURLConnection) connection;
            jar.setUseCaches(false);
            String prefix = strip(jar.getEntryName() == null ? "" : jar.getEntryName());
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            try (JarFile jarFile = jar.getJarFile()) {
                for (JarEntry entry : Collections.list(jarFile.entries())) {
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        try (InputStream in = jarFile.getInputStream(entry)) {
                            files.add(scanned(location, entry.getName().substring(prefix.length()), in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new LocationNotFoundException("cannot read location '" + location + "' from " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private static ScannedFile scanned(String location, String relative, byte[] content) {
        String where = location + (location.endsWith("/") ? "" : "/") + relative;
        int slash = relative.lastIndexOf('/');
        MigrationName name = MigrationName.of(slash < 0 ? relative : relative.substring(slash + 1), where);
        return new ScannedFile(location, relative, Hashing.sha256Hex(content), name);
    }

    private static void checkDuplicates(List<ScannedFile> files) {
        Map<String, ScannedFile> seen = new HashMap<>();
        for (ScannedFile file : files) {
            MigrationName name = file.name();
            String key;
            if (name.type() == MigrationName.Type.VERSIONED) {
                key = "V" + canonicalVersion(name.version());
            } else if (name.type() == MigrationName.Type.REPEATABLE) {
                key = "R" + name.description();
            } else {
                continue;
            }
            ScannedFile earlier = seen.putIfAbsent(key, file);
            if (earlier != null) {
                String what = name.type() == MigrationName.Type.VERSIONED
                        ? "version " + name.version() : "repeatable description '" + name.description() + "'";
                throw new DuplicateVersionException("two migrations have the same " + what + ": "
                        + earlier.displayPath() + " and " + file.displayPath()
                        + ". Give one of them the next free version (or description), or remove the copy.");
            }
        }
    }

    /**
     * Returns a version without trailing zero parts, so that {@code 1.0} and {@code 1} compare equal.
     *
     * @param version a normalised version
     * @return the canonical form
     */
    static String canonicalVersion(String version) {
        String[] parts = version.split("\\.");
        int end = parts.length;
        while (end > 1 && parts[end - 1].chars().allMatch(c -> c == '0')) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            out.append(i == 0 ? "" : ".").append(parts[i].replaceFirst("^0+(?=\\d)", ""));
        }
        return out.toString();
    }

    private static String contentHash(List<ScannedFile> files) {
        MessageDigest digest = Hashing.sha256();
        for (ScannedFile file : files) {
            digest.update((file.location() + "|" + file.relativePath() + "|" + file.sha256() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static LocationNotFoundException notFound(String location, String why) {
        return new LocationNotFoundException("location '" + location + "' does not exist (" + why
                + "). Check the path and the prefix: classpath:<path> for resources, filesystem:<path> for"
                + " directories.");
    }
}
