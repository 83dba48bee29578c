package io.drm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.ArtifactVersion;
import io.drm.HistoryExportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a history export: CSV with a header row, or a JSON array of row objects ({@code .json}).
 * Only {@code version} and {@code success} are used.
 */
final class HistoryExportReader {

    private HistoryExportReader() {
    }

    /**
     * What the export says was released.
     *
     * @param versions the canonical versions applied successfully
     * @param highest the highest of them, or {@code null}
     */
    record Released(Set<String> versions, String highest) {
    }

    static Released read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HistoryExportException("cannot read the history export " + file + ": " + e.getMessage()
                    + ". Produce it with HistoryExport.write(dataSource, file) or psql's \\copy ... CSV HEADER.", e);
        }
        List<String[]> rows = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? json(file, text) : csv(file, text);
        Set<String> versions = new HashSet<>();
        String highest = null;
        for (String[] row : rows) {
            String version = row[0];
            boolean success = row[1] != null && Set.of("true", "t", "1", "yes").contains(row[1].strip()
                    .toLowerCase(Locale.ROOT));
            if (version == null || version.isBlank() || !success) {
                continue;
            }
            if (!version.strip().matches("\\d+([._]\\d+)*")) {
                throw new HistoryExportException("the history export " + file + " has the version '" + version
                        + "', which is not a Flyway version.");
            }
            String v = version.strip().replace('_', '.');
            versions.add(LocationScanner.canonicalVersion(v));
            if (highest == null || ArtifactVersion.compareVersions(v, highest) > 0) {
                highest = v;
            }
        }
        return new Released(versions, highest);
    }

    private static List<String[]> json(Path file, String text) {
        List<String[]> out = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper().readTree(text);
            if (root == null || !root.isArray()) {
                throw new HistoryExportException("the history export " + file + " is not a JSON array of"
                        + " flyway_schema_history rows.");
            }
            for (JsonNode row : root) {
                JsonNode version = row.get("version");
                JsonNode success = row.get("success");
                out.add(new String[] {version == null || version.isNull() ? null : version.asText(),
                    success == null ? null : success.asText()});
            }
        } catch (IOException e) {
            throw new HistoryExportException("the history export " + file + " is not valid JSON: "
                    + e.getMessage(), e);
        }
        return out;
    }

    private static List<String[]> csv(Path file, String text) {
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new HistoryExportException("the history export " + file + " is empty; it needs a header row with"
                    + " the columns version and success.");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int version = header.indexOf("version");
        int success = header.indexOf("success");
        if (version < 0 || success < 0) {
            throw new HistoryExportException("the history export " + file + " has no 'version' and 'success'"
                    + " columns in its header row " + header + ". Export flyway_schema_history with a header.");
        }
        List<String[]> out = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            out.add(new String[] {version < record.size() ? record.get(version) : null,
                success < record.size() ? record.get(success) : null});
        }
        return out;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
