package io.drm.internal;

import io.drm.DryRunException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * Reads the text of a scanned migration file again, for a dry run, and checks that it still has the
 * content the plan was made from.
 */
final class ScriptText {

    private ScriptText() {
    }

    /**
     * Reads a file as UTF-8 (Flyway's default encoding), without a byte-order mark.
     *
     * @param file the file as scanned
     * @param classLoader the class loader of {@code classpath:} locations
     * @return the text
     * @throws DryRunException if the file cannot be read or no longer has the scanned content
     */
    static String read(ScannedFile file, ClassLoader classLoader) {
        byte[] content;
        try {
            content = file.location().startsWith("filesystem:") ? fromDirectory(file) : fromClasspath(file, classLoader);
        } catch (IOException e) {
            throw new DryRunException("cannot read " + file.displayPath() + " for the dry run: " + e.getMessage()
                    + ". Check that the file is still there and readable, then dry-run again.", e);
        }
        if (content == null) {
            throw new DryRunException(file.displayPath() + " changed or disappeared since the plan was made (its"
                    + " SHA-256 is no longer " + file.sha256() + "). Plan again and dry-run the new plan.");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] fromDirectory(ScannedFile file) throws IOException {
        Path path = Paths.get(file.location().substring("filesystem:".length())).resolve(file.relativePath());
        byte[] content = Files.readAllBytes(path);
        return Hashing.sha256Hex(content).equals(file.sha256()) ? content : null;
    }

    private static byte[] fromClasspath(ScannedFile file, ClassLoader classLoader) throws IOException {
        String location = file.location();
        String base = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        base = base.replaceAll("^/+", "").replaceAll("/+$", "");
        String resource = base.isEmpty() ? file.relativePath() : base + "/" + file.relativePath();
        List<URL> urls = Collections.list(classLoader.getResources(resource));
        if (urls.isEmpty()) {
            throw new IOException("no resource " + resource + " on the classpath");
        }
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                byte[] content = in.readAllBytes();
                if (Hashing.sha256Hex(content).equals(file.sha256())) {
                    return content;
                }
            }
        }
        return null;
    }
}
