package io.drm.internal.schema;

import java.util.Locale;
import java.util.Map;

/** Normalises the type names of {@code information_schema.columns} to one short spelling. */
final class TypeNames {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("character", "char"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("double precision", "double"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bool", "boolean"), Map.entry("numeric", "decimal"),
            Map.entry("character large object", "clob"), Map.entry("binary large object", "blob"),
            Map.entry("binary varying", "varbinary"), Map.entry("float8", "double"), Map.entry("float4", "real"));

    private TypeNames() {
    }

    static String normalise(String dataType, Object charLength, Object precision, Object scale) {
        String t = dataType == null ? "unknown" : dataType.toLowerCase(Locale.ROOT).strip();
        t = ALIASES.getOrDefault(t, t);
        if ((t.equals("varchar") || t.equals("char") || t.equals("varbinary") || t.equals("binary"))
                && charLength != null) {
            return t + "(" + charLength + ")";
        }
        if (t.equals("decimal") && precision != null) {
            return t + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
        }
        return t;
    }
}
