package io.drm.internal;

import io.drm.ConfigurationException;
import io.drm.DrmException;
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
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
        List<String> stamps = new ArrayList<>();
        walk(locations, (location, relative, token, content) -> {
            files.add(scanned(location, relative, content.read()));
            stamps.add(location + "|" + relative + "|" + token);
        });
        files.sort(Comparator.comparing(ScannedFile::location).thenComparing(ScannedFile::relativePath));
        checkDuplicates(files);
        return new ScannedLocations(files, contentHash(files), digest(stamps));
    }

    /**
     * Computes the locations' stamp without reading any file: SHA-256 over every file's location,
     * path, size and modification time (for jar entries: size and the CRC-32 the jar records).
     * The fast startup path compares it with the stamp recorded by the last release.
     *
     * @param locations the locations
     * @return the stamp, or {@code null} when a location cannot be listed (the full scan reports why)
     */
    public String stamp(List<String> locations) {
        List<String> stamps = new ArrayList<>();
        try {
            walk(locations, (location, relative, token, content) -> stamps.add(location + "|" + relative + "|" + token));
        } catch (DrmException e) {
            return null;
        }
        return digest(stamps);
    }

    /**
     * Lists one location's files without reading them (for the offline check).
     *
     * @param location a location
     * @return the paths relative to the location, sorted
     * @throws LocationNotFoundException if the location does not exist
     */
    public List<String> listPaths(String location) {
        List<String> out = new ArrayList<>();
        walk(List.of(location), (loc, relative, token, content) -> out.add(relative));
        Collections.sort(out);
        return out;
    }

    /** Reads a file's content on demand. */
    @FunctionalInterface
    private interface Content {
        byte[] read() throws IOException;
    }

    /** Receives each file of the locations. */
    @FunctionalInterface
    private interface Visitor {
        void visit(String location, String relative, String token, Content content) throws IOException;
    }

    private void walk(List<String> locations, Visitor visitor) {
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                walkDirectory(location, Paths.get(location.substring("filesystem:".length())), visitor);
            } else {
                walkClasspath(location, visitor);
            }
        }
    }

    private void walkClasspath(String location, Visitor visitor) {
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
                    walkDirectory(location, Paths.get(url.toURI()), visitor);
                } catch (URISyntaxException e) {
                    throw notFound(location, "unreadable URL " + url);
                }
            } else {
                walkJar(location, url, visitor);
            }
        }
    }

    private static void walkDirectory(String location, Path dir, Visitor visitor) {
        if (!Files.isDirectory(dir)) {
            throw notFound(location, Files.exists(dir) ? "it is a file, not a directory" : "no such directory");
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        String relative = dir.relativize(file).toString().replace('\\', '/');
                        visitor.visit(location, relative, attrs.size() + "|" + attrs.lastModifiedTime().toMillis(),
                                () -> Files.readAllBytes(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new LocationNotFoundException("cannot read location '" + location + "': " + e.getMessage(), e);
        }
    }

    private static void walkJar(String location, URL url, Visitor visitor) {
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
                        visitor.visit(location, entry.getName().substring(prefix.length()),
                                entry.getSize() + "|crc" + entry.getCrc(), () -> {
                                    try (InputStream in = jarFile.getInputStream(entry)) {
                                        return in.readAllBytes();
                                    }
                                });
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
        List<String> lines = new ArrayList<>();
        for (ScannedFile file : files) {
            lines.add(file.location() + "|" + file.relativePath() + "|" + file.sha256());
        }
        return digest(lines);
    }

    private static String digest(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        Collections.sort(sorted);
        MessageDigest digest = Hashing.sha256();
        for (String line : sorted) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
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
