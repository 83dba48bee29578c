package io.drm.masking.internal;

import java.util.List;
import java.util.Locale;

/**
 * {@code first_name}, {@code last_name}, {@code full_name}, {@code street_address} and
 * {@code city}: a deterministic fake from the bundled lists, chosen by AES-CMAC ({@link KeyedPrf}) of the value
 * (stripped and lower-cased, so {@code "John"}, {@code "JOHN "} and {@code "john"} get the same
 * fake) under the masker's subkey. An input written all in upper case (or all in lower case) gives
 * a fake in the same case. A blank value is returned as it is. Fakes collide: not for unique
 * columns.
 */
public final class FakeMasker extends AbstractMasker implements ColumnMasker {

    /** What a fake is made of. */
    public enum Kind {
        /** A given name. */
        FIRST_NAME("first_name"),
        /** A family name. */
        LAST_NAME("last_name"),
        /** A given name, a space and a family name. */
        FULL_NAME("full_name"),
        /** A house number from 1 to 999, a space and a street. */
        STREET_ADDRESS("street_address"),
        /** A town or city. */
        CITY("city");

        private final String maskerName;

        Kind(String maskerName) {
            this.maskerName = maskerName;
        }

        /** @return the catalogue name */
        public String maskerName() {
            return maskerName;
        }
    }

    private static final int HOUSE_NUMBERS = 999;

    private final Kind kind;
    private final KeyedPrf prf;
    /** The list the first 64 bits of a tag pick from, and its size as a reciprocal. */
    private final List<String> primary;
    private final Reciprocal primarySize;
    /** What the second 64 bits pick: the family name of a full name, or a street address's house number. */
    private final List<String> secondary;
    private final Reciprocal secondarySize;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param kind what to fake
     * @throws IllegalArgumentException if the key is too short
     */
    public FakeMasker(byte[] key, Kind kind) {
        super(kind.maskerName(), ColumnTypes.STRINGS);
        this.kind = kind;
        this.prf = new KeyedPrf(MaskerKeys.subkey(key, kind.maskerName()), MaskerKeys.subkey(key, kind.maskerName(),
                "stream"));
        // the lists are loaded now rather than on the first row
        this.primary = switch (kind) {
            case FIRST_NAME, FULL_NAME -> FakeList.firstNames();
            case LAST_NAME -> FakeList.lastNames();
            case STREET_ADDRESS -> FakeList.streets();
            case CITY -> FakeList.cities();
        };
        this.primarySize = new Reciprocal(primary.size());
        this.secondary = kind == Kind.FULL_NAME ? FakeList.lastNames() : List.of();
        this.secondarySize = new Reciprocal(kind == Kind.FULL_NAME ? secondary.size() : HOUSE_NUMBERS);
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        String normal = text.strip();
        if (normal.isEmpty()) {
            return text;
        }
        return fake(normal, prf.prfLowerCase(normal), 0);
    }

    /** Tags up to {@value KeyedPrf#BATCH_SIZE} values at once; the results are those of {@code mask}. */
    @Override
    public long maskColumn(Object[][] rows, int cell, int size) {
        return ColumnWalk.walk(rows, cell, size, new PrfChunk(prf, name(), true, false, rows, cell) {
            @Override
            protected String key(String text) {
                String normal = text.strip();
                return normal.isEmpty() ? null : normal;
            }

            @Override
            protected Object render(String normal, byte[] results, int at) {
                return fake(normal, results, at);
            }
        });
    }

    /** The fake for a stripped value from its tag at {@code tag[at .. at + 16)}. */
    private String fake(String normal, byte[] tag, int at) {
        long first = KeyedHash.long64(tag, at);
        long second = KeyedHash.long64(tag, at + 8);
        String fake = switch (kind) {
            case FIRST_NAME, LAST_NAME, CITY -> pick(primary, primarySize, first);
            case FULL_NAME -> pick(primary, primarySize, first) + " " + pick(secondary, secondarySize, second);
            case STREET_ADDRESS -> (1 + secondarySize.remainderUnsigned(second)) + " "
                    + pick(primary, primarySize, first);
        };
        return sameCase(normal, fake);
    }

    /** The same pick as {@code list.get(KeyedHash.below(bits, list.size()))}, with a multiply for the divide. */
    private static String pick(List<String> list, Reciprocal size, long bits) {
        return list.get((int) size.remainderUnsigned(bits));
    }

    /** Upper- or lower-cases the fake when the input's letters are all of that case. */
    static String sameCase(String input, String fake) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        if (upper && !lower) {
            return fake.toUpperCase(Locale.ROOT);
        }
        if (lower && !upper) {
            return fake.toLowerCase(Locale.ROOT);
        }
        return fake;
    }
}
