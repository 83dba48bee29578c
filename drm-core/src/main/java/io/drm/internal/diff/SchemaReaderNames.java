package io.drm.internal.diff;

import io.drm.internal.DatabaseKind;
import java.util.Locale;

/** Names as drift reports show them: H2's upper-case names in lower case, as the schema snapshot does. */
final class SchemaReaderNames {

    private SchemaReaderNames() {
    }

    static String name(DatabaseKind kind, String name) {
        return kind == DatabaseKind.H2 && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT)
                : name;
    }
}
