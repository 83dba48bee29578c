package io.drm.internal;

import io.drm.DryRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
            content = new LocationScanner(classLoader).readIfUnchanged(file);
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
}
