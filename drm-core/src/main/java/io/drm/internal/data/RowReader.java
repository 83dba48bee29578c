package io.drm.internal.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.drm.InvalidArtifactException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams an artifact's rows, one at a time, as text values aligned with its columns: a CSV's
 * header, or the keys of a JSON file's first object. Holds one row in memory.
 */
public abstract class RowReader implements Closeable {

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the file is, for messages. */
    protected final String where;
    /** The column names, as written in the file. */
    protected List<String> columns;
    /** The current row's values ({@code null} for SQL NULL). */
    protected String[] values;
    /** The current row's number, 1 for the first data row. */
    protected long row;
    /** The current row's line in the file. */
    protected long line;

    RowReader(String where) {
        this.where = where;
    }

    /**
     * Opens a reader for a format.
     *
     * @param format CSV, JSON or NDJSON
     * @param in the plaintext, closed with the reader
     * @param where where the file is, for messages
     * @return the reader, positioned before the first row, its columns known
     * @throws InvalidArtifactException if the file is malformed
     */
    public static RowReader open(ArtifactName.Format format, InputStream in, String where) {
        return open(format, in, where, null);
    }

    /**
     * Opens a reader for a format, with the columns a JSON file was found to use at plan time.
     *
     * @param format CSV, JSON or NDJSON
     * @param in the plaintext, closed with the reader
     * @param where where the file is, for messages
     * @param jsonColumns for JSON and NDJSON: every field the file's objects use, in first-seen order;
     *     {@code null} to collect them while reading (plan time)
     * @return the reader
     * @throws InvalidArtifactException if the file is malformed
     */
    public static RowReader open(ArtifactName.Format format, InputStream in, String where, List<String> jsonColumns) {
        try {
            return switch (format) {
                case CSV -> new Csv(in, where);
                case JSON -> new Json(in, where, false, jsonColumns);
                case NDJSON -> new Json(in, where, true, jsonColumns);
                default -> throw new IllegalArgumentException("not a data format: " + format);
            };
        } catch (IOException e) {
            throw malformed(where, e);
        }
    }

    /** @return the columns, as written in the file */
    public List<String> columns() {
        return columns;
    }

    /** @return the current row's values, aligned with {@link #columns()}; {@code null} entries are NULL */
    public String[] values() {
        return values;
    }

    /** @return the current data row's number, from 1 */
    public long row() {
        return row;
    }

    /** @return the current row's line in the file */
    public long line() {
        return line;
    }

    /**
     * Moves to the next row.
     *
     * @return {@code false} at the end
     * @throws InvalidArtifactException if the file is malformed there
     */
    public abstract boolean next();

    static InvalidArtifactException malformed(String where, IOException e) {
        String at = "";
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            JsonLocation l = p.getLocation();
            at = " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        }
        String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return new InvalidArtifactException("the artifact " + where + " is malformed" + at + ": " + shorten(reason)
                + ". Nothing was written; fix the file and plan again.", e);
    }

    static String shorten(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /** RFC 4180 CSV with a header row, read with Jackson's CSV parser. */
    private static final class Csv extends RowReader {
        private final MappingIterator<String[]> it;
        private long nextStart;

        Csv(InputStream in, String where) throws IOException {
            super(where);
            it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                    .readValues(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
            if (!it.hasNextValue()) {
                throw new InvalidArtifactException("the artifact " + where + " is empty: a CSV artifact needs a"
                        + " header row naming its columns. Nothing was written.");
            }
            String[] header = it.nextValue();
            List<String> names = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i] == null ? "" : header[i].strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                if (name.isEmpty()) {
                    throw new InvalidArtifactException("the artifact " + where + " has an empty column name in its"
                            + " header (line 1, column " + (i + 1) + "). Nothing was written.");
                }
                if (seen.put(name.toLowerCase(Locale.ROOT), i) != null) {
                    throw new InvalidArtifactException("the artifact " + where + " names column '" + name
                            + "' twice in its header (line 1). Nothing was written.");
                }
                names.add(name);
            }
            columns = List.copyOf(names);
            nextStart = it.getParser().currentLocation().getLineNr();
        }

        @Override
        public boolean next() {
            try {
                while (it.hasNextValue()) {
                    long at = nextStart;
                    String[] fields = it.nextValue();
                    nextStart = it.getParser().currentLocation().getLineNr();
                    if (fields.length == 1 && (fields[0] == null || fields[0].isEmpty()) && columns.size() > 1) {
                        continue; // a blank line
                    }
                    row++;
                    line = at;
                    if (fields.length != columns.size()) {
                        throw new InvalidArtifactException("the artifact " + where + " is malformed at line " + at
                                + ", column " + (Math.min(fields.length, columns.size()) + 1) + ": row " + row + " has "
                                + fields.length + " fields, the header has " + columns.size()
                                + ". Nothing was written; fix the file and plan again.");
                    }
                    for (int i = 0; i < fields.length; i++) {
                        if (fields[i] != null && fields[i].isEmpty()) {
                            fields[i] = null;
                        }
                    }
                    values = fields;
                    return true;
                }
                return false;
            } catch (RuntimeException e) {
                if (e instanceof InvalidArtifactException) {
                    throw e;
                }
                if (e.getCause() instanceof IOException io) {
                    throw malformed(where, io);
                }
                throw e;
            } catch (IOException e) {
                throw malformed(where, e);
            }
        }

        @Override
        public void close() throws IOException {
            it.close();
        }
    }

    /** A JSON array of objects, or one object a line, read with Jackson's streaming parser. */
    private static final class Json extends RowReader {
        private final JsonParser parser;
        private final boolean lines;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> collected;
        private boolean done;

        Json(InputStream in, String where, boolean lines, List<String> known) throws IOException {
            super(where);
            this.lines = lines;
            this.parser = JSON.getFactory().createParser(in);
            if (!lines) {
                JsonToken t = parser.nextToken();
                if (t != JsonToken.START_ARRAY) {
                    throw new InvalidArtifactException("the artifact " + where + " must be a JSON array of objects"
                            + " (line " + parser.currentLocation().getLineNr() + "). Nothing was written.");
                }
            }
            collected = known == null ? new ArrayList<>() : null;
            if (known != null) {
                for (String name : known) {
                    index.put(name.toLowerCase(Locale.ROOT), index.size());
                }
                columns = List.copyOf(known);
            } else {
                columns = collected;
            }
        }

        private JsonNode read() throws IOException {
            if (done) {
                return null;
            }
            JsonToken t = parser.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                if (!lines && t == null) {
                    throw new InvalidArtifactException("the artifact " + where + " ends before its array is closed"
                            + " (line " + parser.currentLocation().getLineNr() + "). Nothing was written.");
                }
                if (!lines && parser.nextToken() != null) {
                    throw new InvalidArtifactException("the artifact " + where + " has content after its array"
                            + " (line " + parser.currentLocation().getLineNr() + "). Nothing was written.");
                }
                done = true;
                return null;
            }
            line = parser.currentLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidArtifactException("the artifact " + where + " is malformed at line " + line
                        + ": row " + (row + 1) + " is not a JSON object. Nothing was written.");
            }
            return JSON.readTree(parser);
        }

        @Override
        public boolean next() {
            try {
                JsonNode node = read();
                if (node == null) {
                    return false;
                }
                row++;
                if (collected != null) {
                    for (java.util.Iterator<String> f = node.fieldNames(); f.hasNext();) {
                        String name = f.next();
                        if (index.putIfAbsent(name.toLowerCase(Locale.ROOT), collected.size()) == null) {
                            collected.add(name);
                        }
                    }
                }
                String[] out = new String[columns.size()];
                for (java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Integer i = index.get(e.getKey().toLowerCase(Locale.ROOT));
                    if (i == null) {
                        throw new InvalidArtifactException("the artifact " + where + " changed since it was planned:"
                                + " row " + row + " (line " + line + ") has the field '" + e.getKey() + "'. Plan again.");
                    }
                    JsonNode v = e.getValue();
                    out[i] = v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
                }
                values = out;
                return true;
            } catch (IOException e) {
                throw malformed(where, e);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
