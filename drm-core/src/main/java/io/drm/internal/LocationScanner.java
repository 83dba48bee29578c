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
    private final io.drm.spi.ArtifactDecryptor decryptor;
    /** The bytes of the SQL scripts of the last {@code scan(.., true)}, by location, path and hash. */
    private final Map<KeptKey, byte[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEEP_LIMIT = 1 << 20;

    /**
     * Creates a scanner.
     *
     * @param classLoader the class loader for {@code classpath:} locations
     */
    public LocationScanner(ClassLoader classLoader) {
        this(classLoader, null);
    }

    /**
     * Creates a scanner that can read encrypted data artifacts.
     *
     * @param classLoader the class loader for {@code classpath:} locations
     * @param decryptor the keyring for {@code .enc} artifacts, or {@code null}
     */
    public LocationScanner(ClassLoader classLoader, io.drm.spi.ArtifactDecryptor decryptor) {
        this.classLoader = classLoader;
        this.decryptor = decryptor;
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
        return scan(locations, false);
    }

    /**
     * Scans locations, and keeps the bytes of the SQL scripts read for their hash until
     * {@link #forgetScanned()} (so that the lint and the policies need not read them again).
     *
     * @param locations the locations, in Flyway syntax
     * @param keepSql whether to keep the SQL scripts' bytes (each up to 1 MiB)
     * @return the files and the content hash
     */
    public ScannedLocations scan(List<String> locations, boolean keepSql) {
        List<ScannedFile> files = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        kept.clear();
        walk(locations, (location, relative, token, content) -> {
            if (keepSql && relative.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
                byte[] bytes = content.read();
                ScannedFile file = scanned(location, relative, new Content() {
                    @Override
                    public InputStream open() {
                        return new java.io.ByteArrayInputStream(bytes);
                    }

                    @Override
                    public byte[] read() {
                        return bytes; // hashed as read, not copied again
                    }
                }, decryptor);
                if (bytes.length <= KEEP_LIMIT) {
                    kept.put(keyOf(file), bytes);
                }
                files.add(file);
            } else {
                files.add(scanned(location, relative, content, decryptor));
            }
            stamps.add(location + "|" + relative + "|" + token);
        });
        files.sort(Comparator.comparing(ScannedFile::location).thenComparing(ScannedFile::relativePath));
        List<ScannedFile> all = io.drm.internal.data.Artifacts.attachManifests(files, this::open);
        checkDuplicates(all);
        return new ScannedLocations(all, contentHash(all), digest(stamps));
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
     * Reads one scanned file's content again (an undo script when a rollback runs, say), straight from
     * its location, without listing the location.
     *
     * @param file the file, from an earlier scan
     * @return its bytes
     * @throws LocationNotFoundException if it is no longer there or no longer has the scanned content
     */
    public byte[] read(ScannedFile file) {
        byte[] content;
        try {
            content = readIfUnchanged(file);
        } catch (IOException e) {
            throw new LocationNotFoundException("cannot read " + file.displayPath() + ": " + e.getMessage()
                    + "; plan again", e);
        }
        if (content == null) {
            throw new LocationNotFoundException("the file " + file.displayPath() + " changed or disappeared while drm"
                    + " was using it; plan again");
        }
        return content;
    }

    /**
     * Returns the bytes of a SQL script kept by {@link #scan(List, boolean)}, until
     * {@link #forgetScanned()}.
     *
     * @param file the file, from that scan
     * @return its bytes, or {@code null} when they were not kept (read them with {@link #readIfUnchanged})
     */
    public byte[] keptBytes(ScannedFile file) {
        return kept.get(keyOf(file));
    }

    /**
     * Returns a scanned file's bytes: those kept by the scan, or else read again as {@link #read}.
     *
     * @param file the file, from an earlier scan
     * @return its bytes
     * @throws LocationNotFoundException if it has to be read and is no longer there or changed
     */
    public byte[] keptOrRead(ScannedFile file) {
        byte[] bytes = keptBytes(file);
        return bytes != null ? bytes : read(file);
    }

    /** Drops the SQL bytes kept by the last scan. */
    public void forgetScanned() {
        kept.clear();
    }

    private static KeptKey keyOf(ScannedFile file) {
        return new KeptKey(file.location(), file.relativePath(), file.sha256());
    }

    /** A kept script's key: its location, path and SHA-256 (the strings' own cached hash codes, no concatenation). */
    private record KeptKey(String location, String relativePath, String sha256) {
    }

    /**
     * Reads one scanned file's content again, if it still has the content it was scanned with.
     *
     * @param file the file, from an earlier scan
     * @return its bytes, or {@code null} when its content changed since the scan
     * @throws IOException if it cannot be read
     */
    public byte[] readIfUnchanged(ScannedFile file) throws IOException {
        byte[] content;
        try (InputStream in = open(file.location(), file.relativePath())) {
            content = in.readAllBytes();
        }
        return Hashing.sha256Hex(content).equals(file.sha256()) ? content : null;
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
        InputStream open() throws IOException;

        default byte[] read() throws IOException {
            try (InputStream in = open()) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * Opens a scanned file's bytes again (for a data artifact's load).
     *
     * @param location the location as configured
     * @param relative the path relative to it
     * @return the bytes
     * @throws IOException if the file cannot be read
     */
    public InputStream open(String location, String relative) throws IOException {
        if (location.startsWith("filesystem:")) {
            return Files.newInputStream(Paths.get(location.substring("filesystem:".length())).resolve(relative));
        }
        String path = strip(location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
        InputStream in = classLoader.getResourceAsStream(path.isEmpty() ? relative : path + "/" + relative);
        if (in == null) {
            throw new java.io.FileNotFoundException(location + "/" + relative);
        }
        return in;
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
                                () -> Files.newInputStream(file));
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
                                entry.getSize() + "|crc" + entry.getCrc(), () -> jarFile.getInputStream(entry));
                    }
                }
            }
        } catch (IOException e) {
            throw new LocationNotFoundException("cannot read location '" + location + "' from " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private static ScannedFile scanned(String location, String relative, Content content,
            io.drm.spi.ArtifactDecryptor decryptor) throws IOException {
        String where = location + (location.endsWith("/") ? "" : "/") + relative;
        int slash = relative.lastIndexOf('/');
        String fileName = slash < 0 ? relative : relative.substring(slash + 1);
        MigrationName name = MigrationName.of(fileName, where);
        if (name.type() == MigrationName.Type.DATA || name.type() == MigrationName.Type.CONFIG) {
            io.drm.internal.data.ArtifactInspector.Inspected inspected = io.drm.internal.data.ArtifactInspector.inspect(
                    io.drm.internal.data.ArtifactName.parse(fileName), content::open, decryptor, where);
            return new ScannedFile(location, relative, inspected.rawSha256(), name, inspected.file());
        }
        return new ScannedFile(location, relative, Hashing.sha256Hex(content.read()), name);
    }

    private static void checkDuplicates(List<ScannedFile> files) {
        Map<String, ScannedFile> seen = new HashMap<>();
        for (ScannedFile file : files) {
            MigrationName name = file.name();
            String key;
            if (name.type() == MigrationName.Type.VERSIONED || name.type() == MigrationName.Type.DATA
                    || name.type() == MigrationName.Type.CONFIG) {
                key = "V" + canonicalVersion(name.version());
            } else if (name.type() == MigrationName.Type.REPEATABLE) {
                key = "R" + name.description();
            } else {
                continue;
            }
            ScannedFile earlier = seen.putIfAbsent(key, file);
            if (earlier != null) {
                String what = name.type() != MigrationName.Type.REPEATABLE
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
