package io.drm.masking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The golden file of masker outputs: every keyed masker under one fixed key, on ordinary, Unicode
 * and edge inputs. {@link MaskerGoldenTest} compares the current code with the checked-in file.
 *
 * <p>The file is a compatibility contract (data masked by one release must join data masked by
 * the next). It is written once per format version by {@link #main(String[])}; a change of any
 * output needs a new format version (a new HKDF info prefix and a new file), never an edit of this
 * file in place.
 */
final class MaskerGolden {

    /** The resource holding the v1 outputs. */
    static final String RESOURCE = "/golden/maskers-v1.jsonl";

    /** The fixed key of the golden file. */
    static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MaskerGolden() {
    }

    /** The maskers of the file, by the name the file uses. */
    static Map<String, TypedMasker> maskers() {
        Map<String, TypedMasker> m = new LinkedHashMap<>();
        m.put("fpe/digits", Maskers.fpe(KEY, "0123456789"));
        m.put("fpe/base36", Maskers.fpe(KEY, "0123456789abcdefghijklmnopqrstuvwxyz"));
        m.put("fpe/greek", Maskers.fpe(KEY, "\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba"));
        m.put("phone", Maskers.phone(KEY));
        m.put("card", Maskers.paymentCard(KEY, false));
        m.put("card/keep_bin_last4", Maskers.paymentCard(KEY, true));
        m.put("first_name", Maskers.firstName(KEY));
        m.put("last_name", Maskers.lastName(KEY));
        m.put("full_name", Maskers.fullName(KEY));
        m.put("street_address", Maskers.streetAddress(KEY));
        m.put("city", Maskers.city(KEY));
        m.put("noise/5", Maskers.noise(KEY, 5));
        m.put("noise/100", Maskers.noise(KEY, 100));
        m.put("date_shift/30", Maskers.dateShift(KEY, 30));
        m.put("date_shift/36525", Maskers.dateShift(KEY, 36_525));
        m.put("token/16/base62", Maskers.token(KEY, 16, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"));
        m.put("token/1/digits", Maskers.token(KEY, 1, "0123456789"));
        m.put("token/40/cjk", Maskers.token(KEY, 40, "\u00e9\u4e2d\u00df\u0416"));
        m.put("email", Maskers.email(KEY, null));
        m.put("email/domain", Maskers.email(KEY, "example.invalid"));
        m.put("encrypt_deterministic", Maskers.encryptDeterministic(Keyring.of(KeyProvider.of(Map.of("golden", KEY)),
                "golden")));
        return m;
    }

    private static final List<Object> NAMES = List.of("Ada", "Ada Lovelace", "Zo\u00eb", "Bj\u00f6rk Gu\u00f0mundsd\u00f3ttir",
            "\u674e\u5c0f\u9f99", "\u0645\u062d\u0645\u062f", "O'Brien-Smith", "a", "", " ", "\uD83D\uDE00",
            "x".repeat(300), "221B Baker Street", "M\u00fcnchen");
    private static final List<Object> DIGITS = List.of("0", "9", "00", "123456", "000000", "4111111111111111",
            "9".repeat(40), "12a", "", "\u0661\u0662\u0663\u0664\u0665\u0666", "123-45-6789");
    private static final List<Object> PHONES = List.of("+44 20 7946 0958", "(020) 7946-0958", "+1.415.555.0100",
            "0049/30/1234567", "000000", "12345", "+44 20 7946 0958 ext 12", "", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667");
    private static final List<Object> CARDS = List.of("4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004",
            "378282246310005", "6011111111111117", "4000056655665556", "123456789012", "1234567890123456789",
            "4111111111111112", "1234", "4111-1111-1111-111a", "");
    private static final List<Object> NUMBERS = List.of(0, 1, -1, 100, Integer.MAX_VALUE, Integer.MIN_VALUE,
            123_456_789_012L, Long.MAX_VALUE, Long.MIN_VALUE, (short) 1000, (byte) 100, new BigDecimal("1234.56"),
            new BigDecimal("0.00"), new BigDecimal("-99999999999999999999.123456789"), new BigInteger("123456789012345678901234567890"),
            3.14159, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE, 2.5f, "42");
    private static final List<Object> DATES = List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2024, 2, 29),
            LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1),
            LocalDateTime.of(2026, 12, 7, 23, 59, 59, 999_999_999), Instant.EPOCH, Instant.parse("2026-03-29T01:30:00Z"),
            OffsetDateTime.parse("2026-10-25T02:30:00+02:00"), ZonedDateTime.parse("2026-03-29T02:30:00+01:00[Europe/Berlin]"),
            Timestamp.valueOf("2026-06-01 12:00:00.123456789"), "2026-01-01");
    private static final List<Object> TEXTS = List.of("alice@example.com", "4111111111111111", "a", "",
            "Zo\u00eb \uD83D\uDC69\u200D\uD83D\uDCBB", "\u65e5\u672c\u8a9e", "x".repeat(1000), 42, 123_456_789_012L);
    private static final List<Object> EMAILS = List.of("alice@example.com", "Alice@Example.COM", "bob@example.org",
            "x@y.io", "zo\u00eb@ex\u00e4mple.de", "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "a.b+tag@sub.example.co.uk",
            "no-at-sign", "@example.com", "alice@", "");

    /** The inputs each masker of {@link #maskers()} gets. */
    static List<Object> inputs(String masker) {
        String kind = masker.contains("/") ? masker.substring(0, masker.indexOf('/')) : masker;
        switch (kind) {
            case "fpe":
                List<Object> fpe = new ArrayList<>(DIGITS);
                fpe.addAll(List.of("abc123", "zzzz", "\u03b1\u03b2\u03b3", "\u03b1-\u03b2 \u03b3\u03b4"));
                return fpe;
            case "phone":
                return PHONES;
            case "card":
                return CARDS;
            case "first_name": case "last_name": case "full_name": case "street_address": case "city":
                return NAMES;
            case "noise":
                return NUMBERS;
            case "date_shift":
                return DATES;
            case "token": case "encrypt_deterministic":
                return TEXTS;
            case "email":
                return EMAILS;
            default:
                throw new IllegalArgumentException(masker);
        }
    }

    /** Converts a typed value to the file's text. */
    static String text(Object value) {
        return value instanceof BigDecimal d ? d.toString() : String.valueOf(value);
    }

    /** The parsers of the value types in the file. */
    static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry("String", s -> s),
            Map.entry("Integer", Integer::valueOf),
            Map.entry("Long", Long::valueOf),
            Map.entry("Short", Short::valueOf),
            Map.entry("Byte", Byte::valueOf),
            Map.entry("BigDecimal", BigDecimal::new),
            Map.entry("BigInteger", BigInteger::new),
            Map.entry("Double", Double::valueOf),
            Map.entry("Float", Float::valueOf),
            Map.entry("LocalDate", LocalDate::parse),
            Map.entry("LocalDateTime", LocalDateTime::parse),
            Map.entry("Instant", Instant::parse),
            Map.entry("OffsetDateTime", OffsetDateTime::parse),
            Map.entry("ZonedDateTime", ZonedDateTime::parse),
            Map.entry("Timestamp", Timestamp::valueOf));

    /** One line of the file: the masker's output for an input, or the exception it refuses it with. */
    static ObjectNode line(String maskerName, TypedMasker masker, Object input) {
        ObjectNode n = JSON.createObjectNode();
        n.put("masker", maskerName);
        n.put("type", input.getClass().getSimpleName());
        n.put("in", text(input));
        try {
            Object out = masker.mask(input);
            n.put("outType", out.getClass().getSimpleName());
            n.put("out", text(out));
        } catch (RuntimeException e) {
            n.put("refused", e.getClass().getSimpleName());
        }
        return n;
    }

    /** @return every line the current code produces */
    static List<ObjectNode> current() {
        List<ObjectNode> lines = new ArrayList<>();
        maskers().forEach((name, masker) -> inputs(name).forEach(in -> lines.add(line(name, masker, in))));
        return lines;
    }

    /** @return the lines of the checked-in file */
    static List<JsonNode> checkedIn() {
        try (var in = MaskerGolden.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + RESOURCE);
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) {
                    lines.add(JSON.readTree(l));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the golden file of a new format version. Never run it to "fix" a failing comparison.
     *
     * @param args the file to write
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (ObjectNode n : current()) {
                w.write(JSON.writeValueAsString(n));
                w.write('\n');
            }
        }
    }
}
