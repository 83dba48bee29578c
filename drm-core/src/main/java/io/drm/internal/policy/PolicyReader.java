package io.drm.internal.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drm.Finding;
import io.drm.InvalidPolicyException;
import io.drm.spi.ReleasePolicy;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (JSON, or YAML when it does not start with <code>{</code>) into rules, naming the line and
 * the field of every mistake.
 */
public final class PolicyReader {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            Rules.RequireApproval.ID, Set.of(),
            Rules.DestructiveWithoutUndo.ID, Set.of(),
            Rules.RequireAttestation.ID, Set.of("from"),
            Rules.MaskedColumns.ID, Set.of(),
            Rules.MaxRows.ID, Set.of("limit"),
            Rules.ReleaseWindow.ID, Set.of("zone", "from", "to", "days"),
            Rules.LeastPrivilege.ID, Set.of(),
            "findings", Set.of("id", "match", "action"));
    private static final Set<String> COMMON = Set.of("rule", "environments", "waivable");

    private final String where;
    private final Map<String, Integer> lines = new HashMap<>();

    private PolicyReader(String where) {
        this.where = where;
    }

    /**
     * Reads a policy.
     *
     * @param text the JSON or YAML text
     * @param where the file's name, or {@code "policy text"}, for messages
     * @return the rules, in file order
     * @throws InvalidPolicyException if the text is not a valid policy
     */
    public static List<ReleasePolicy> read(String text, String where) {
        return new PolicyReader(where).parse(text);
    }

    private List<ReleasePolicy> parse(String text) {
        boolean json = text.stripLeading().startsWith("{");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        JsonNode root;
        try {
            try (JsonParser p = factory.createParser(text)) {
                while (p.nextToken() != null) {
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                            p.currentTokenLocation().getLineNr());
                }
            }
            root = new ObjectMapper(factory).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(where + ": not valid " + (json ? "JSON" : "YAML") + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage() + ". Fix the file; nothing was released.", e);
        } catch (IOException e) {
            throw new InvalidPolicyException(where + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw bad("", "a policy is an object with 'version: 1' and a list of 'rules'");
        }
        fields(root, "", Set.of("version", "rules"));
        if (!root.path("version").isInt() || root.get("version").asInt() != 1) {
            throw bad(root.has("version") ? "/version" : "", "'version' must be 1");
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw bad(rules == null ? "" : "/rules", "'rules' must be a list of rules");
        }
        List<ReleasePolicy> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(rule(rules.get(i), "/rules/" + i));
        }
        return out;
    }

    private ReleasePolicy rule(JsonNode n, String at) {
        if (!n.isObject()) {
            throw bad(at, "a rule is an object with a 'rule' field");
        }
        String id = text(n, at, "rule", true);
        Set<String> own = FIELDS.get(id);
        if (own == null) {
            throw bad(at + "/rule", "unknown rule '" + id + "'; known: " + String.join(", ", new java.util.TreeSet<>(
                    FIELDS.keySet())));
        }
        Set<String> allowed = new LinkedHashSet<>(COMMON);
        allowed.addAll(own);
        fields(n, at, allowed);
        Set<String> envs = environments(n, at);
        ReleasePolicy rule = switch (id) {
            case Rules.RequireApproval.ID -> new Rules.RequireApproval(envs);
            case Rules.DestructiveWithoutUndo.ID -> new Rules.DestructiveWithoutUndo(envs);
            case Rules.RequireAttestation.ID -> new Rules.RequireAttestation(text(n, at, "from", true), envs);
            case Rules.MaskedColumns.ID -> new Rules.MaskedColumns(null, envs);
            case Rules.MaxRows.ID -> {
                JsonNode limit = n.get("limit");
                if (limit == null || !limit.canConvertToLong() || !limit.isIntegralNumber() || limit.asLong() < 0) {
                    throw bad(limit == null ? at : at + "/limit", "'limit' must be a whole number >= 0");
                }
                yield new Rules.MaxRows(limit.asLong(), envs);
            }
            case Rules.ReleaseWindow.ID -> window(n, at, envs);
            case Rules.LeastPrivilege.ID -> new Rules.LeastPrivilege(envs);
            default -> findings(n, at, envs);
        };
        JsonNode waivable = n.get("waivable");
        if (waivable != null) {
            if (!waivable.isBoolean()) {
                throw bad(at + "/waivable", "'waivable' must be true or false");
            }
            rule = new Rules.Waivable(rule, waivable.asBoolean());
        }
        return rule;
    }

    private ReleasePolicy window(JsonNode n, String at, Set<String> envs) {
        ZoneId zone;
        try {
            zone = ZoneId.of(text(n, at, "zone", true));
        } catch (DateTimeException e) {
            throw bad(at + "/zone", "'zone' is not a time zone id such as Europe/Berlin or UTC");
        }
        LocalTime from = time(n, at, "from");
        LocalTime to = time(n, at, "to");
        if (from.equals(to)) {
            throw bad(at + "/to", "'to' must differ from 'from'");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode list = n.get("days");
        if (list != null) {
            if (!list.isArray() || list.isEmpty()) {
                throw bad(at + "/days", "'days' must be a non-empty list such as [MON, TUE, WED, THU, FRI]");
            }
            for (int i = 0; i < list.size(); i++) {
                days.add(day(list.get(i), at + "/days/" + i));
            }
        }
        return new Rules.ReleaseWindow(zone, from, to, days, envs);
    }

    private DayOfWeek day(JsonNode n, String at) {
        String s = n.isTextual() ? n.asText().strip().toUpperCase(Locale.ROOT) : "";
        for (DayOfWeek d : DayOfWeek.values()) {
            if (s.length() >= 3 && d.name().startsWith(s) && (s.length() == 3 || s.equals(d.name()))) {
                return d;
            }
        }
        throw bad(at, "'" + n.asText() + "' is not a day of the week (MON..SUN or MONDAY..SUNDAY)");
    }

    private LocalTime time(JsonNode n, String at, String field) {
        String s = text(n, at, field, true);
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeException e) {
            throw bad(at + "/" + field, "'" + field + "' must be a time of day such as 09:00");
        }
    }

    private ReleasePolicy findings(JsonNode n, String at, Set<String> envs) {
        String id = text(n, at, "id", true);
        String action = n.has("action") ? text(n, at, "action", true) : "block";
        if (!action.equals("block") && !action.equals("require-approval")) {
            throw bad(at + "/action", "'action' must be block or require-approval");
        }
        JsonNode match = n.get("match");
        if (match == null || !match.isObject()) {
            throw bad(match == null ? at : at + "/match", "'match' must be an object with any of rule, category,"
                    + " severity");
        }
        String m = at + "/match";
        fields(match, m, Set.of("rule", "category", "severity"));
        String rule = match.has("rule") ? text(match, m, "rule", true) : null;
        Finding.Category category = match.has("category") ? enumValue(Finding.Category.class,
                text(match, m, "category", true), m + "/category") : null;
        Finding.Severity severity = match.has("severity") ? enumValue(Finding.Severity.class,
                text(match, m, "severity", true), m + "/severity") : null;
        return new Rules.FindingsRule(id, rule, category, severity, action.equals("require-approval"), envs);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String at) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(at, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private Set<String> environments(JsonNode n, String at) {
        JsonNode list = n.get("environments");
        if (list == null) {
            return Set.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            throw bad(at + "/environments", "'environments' must be a non-empty list of names (leave it out for"
                    + " every environment)");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                throw bad(at + "/environments/" + i, "an environment is a non-blank name");
            }
            out.add(e.asText());
        }
        return out;
    }

    private void fields(JsonNode n, String at, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(at + "/" + f, "unknown field '" + f + "'; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    private String text(JsonNode n, String at, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            if (v == null && !required) {
                return null;
            }
            throw bad(v == null ? at : at + "/" + field, "'" + field + "' must be "
                    + (v == null ? "given" : "non-blank text"));
        }
        return v.asText();
    }

    private InvalidPolicyException bad(String pointer, String what) {
        Integer line = null;
        for (String p = pointer; line == null; p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
            line = lines.get(p);
            if (p.isEmpty()) {
                break;
            }
        }
        return new InvalidPolicyException(where + (line != null ? ", line " + line : "") + ", field "
                + field(pointer) + ": " + what + ". Fix the file; nothing was released.", null);
    }

    private static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "(root)";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(part);
            }
        }
        return sb.toString();
    }
}
