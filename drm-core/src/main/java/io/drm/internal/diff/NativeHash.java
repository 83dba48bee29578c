package io.drm.internal.diff;

import java.util.List;
import java.util.Locale;

/**
 * The row hash used when both sides are PostgreSQL with the same column types: a 64-bit value
 * computed from PostgreSQL's own per-type extended hash functions, cheaper per row than MD5 over the
 * canonical text and than {@code hash_record_extended}.
 *
 * <p>The row's key is the seed: a single integer key is used as is, any other key is hashed (each
 * key column with its own constant, combined by XOR). Every compared column {@code j} is hashed
 * with the seed XOR a constant {@code C[j]}, so a value hashes differently in every row and every
 * column (moving a value to another row or column changes the sum); NULL is the hash of the empty
 * string with a second constant {@code D[j]}, so it differs from every value, including the empty
 * string. The row hash is the XOR of the column hashes, or the hash of the seed alone when only key
 * columns are compared. Text is hashed under {@code COLLATE "C"} (its bytes, whatever the column's
 * collation); a {@code bigint} also mixes its high half into the seed, because PostgreSQL's
 * {@code int8} hash folds the value to 32 bits. Types without a hash function here are hashed as
 * their text.
 */
final class NativeHash {

    private NativeHash() {
    }

    /**
     * Returns the SQL for the row hash, a signed {@code bigint}.
     *
     * @param keys the key columns
     * @param compared the compared columns
     * @return the SQL expression
     */
    static String row(List<TableShape.Column> keys, List<TableShape.Column> compared) {
        String seed = seed(keys);
        if (compared.isEmpty()) {
            return "hashtextextended('', " + seed + ")";
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < compared.size(); j++) {
            TableShape.Column c = compared.get(j);
            if (j > 0) {
                sb.append(" # ");
            }
            sb.append("COALESCE(").append(term(c.typeName(), c.quoted(), "(" + seed + " # " + constant(2 * j + 1) + ")"))
                    .append(", hashtextextended('', (").append(seed).append(" # ").append(constant(2 * j + 2))
                    .append(")))");
        }
        return sb.toString();
    }

    private static String seed(List<TableShape.Column> keys) {
        if (keys.size() == 1 && keys.get(0).cls() == ValueClass.INTEGER) {
            return "CAST(" + keys.get(0).quoted() + " AS BIGINT)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sb.append(" # ");
            }
            long k = constant(1000 + i);
            sb.append("COALESCE(").append(term(keys.get(i).typeName(), keys.get(i).quoted(), Long.toString(k)))
                    .append(", ").append(k).append(")");
        }
        return sb.append(")").toString();
    }

    /** The extended hash of one non-NULL value with a seed; NULL in, NULL out. */
    static String term(String typeName, String col, String seed) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (type) {
            case "int2": case "int4": case "smallserial": case "serial":
                return "hashint4extended(" + col + ", " + seed + ")";
            case "int8": case "bigserial":
                return "hashint8extended(" + col + ", " + seed + " # (" + col + " >> 32))";
            case "numeric":
                return "hash_numeric_extended(" + col + ", " + seed + ")";
            case "float4":
                return "hashfloat4extended(" + col + ", " + seed + ")";
            case "float8":
                return "hashfloat8extended(" + col + ", " + seed + ")";
            case "bool":
                return "hashint4extended(CAST(" + col + " AS INTEGER), " + seed + ")";
            case "text": case "varchar": case "name":
                return "hashtextextended(CAST(" + col + " AS TEXT) COLLATE \"C\", " + seed + ")";
            case "bpchar":
                return "hashbpcharextended(" + col + " COLLATE \"C\", " + seed + ")";
            case "date":
                return "timestamp_hash_extended(CAST(" + col + " AS TIMESTAMP), " + seed + ")";
            case "timestamp":
                return "timestamp_hash_extended(" + col + ", " + seed + ")";
            case "timestamptz":
                return "timestamp_hash_extended(" + col + " AT TIME ZONE 'UTC', " + seed + ")";
            case "time":
                return "time_hash_extended(" + col + ", " + seed + ")";
            case "timetz":
                return "timetz_hash_extended(" + col + ", " + seed + ")";
            case "uuid":
                return "uuid_hash_extended(" + col + ", " + seed + ")";
            case "jsonb":
                return "jsonb_hash_extended(" + col + ", " + seed + ")";
            default:
                return "hashtextextended(CAST(" + col + " AS TEXT) COLLATE \"C\", " + seed + ")";
        }
    }

    /** A fixed 62-bit constant per position (SplitMix64 of the position), positive so it needs no parentheses. */
    static long constant(int position) {
        long z = 0x9E3779B97F4A7C15L * (position + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 2;
    }
}
