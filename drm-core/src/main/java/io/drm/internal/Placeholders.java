package io.drm.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's placeholder replacement, as Flyway does it for SQL migrations: every {@code ${name}} in
 * the script's text (comments and strings included) is replaced before the script is split. drm
 * configures no placeholders of its own, so only Flyway's built-in ones ({@code ${flyway:...}}) have
 * values; any other placeholder makes Flyway fail the migration, and so it fails the dry run.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}\\r\\n]+)}");

    private Placeholders() {
    }

    /**
     * A placeholder without a value.
     *
     * @param name its name
     * @param line the line it is on (1-based)
     */
    record Missing(String name, int line) {
    }

    /**
     * The result of replacing.
     *
     * @param text the text with every known placeholder replaced
     * @param missing the first placeholder without a value, or {@code null}
     */
    record Result(String text, Missing missing) {
    }

    /**
     * Replaces placeholders.
     *
     * @param text the script
     * @param values the values by name, for example {@code flyway:defaultSchema}
     * @return the text and the first placeholder that has no value
     */
    static Result replace(String text, Map<String, String> values) {
        if (!text.contains("${")) {
            return new Result(text, null);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        Missing missing = null;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                if (missing == null) {
                    missing = new Missing(m.group(1), lineOf(text, m.start()));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        return new Result(out.toString(), missing);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
