package io.drm.masking.internal;

import io.drm.masking.KeyProvider;
import io.drm.masking.Keyring;
import io.drm.masking.Maskers;
import io.drm.masking.TypedMasker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maskers a rules file may name, with their parameters, and how each is made from the
 * catalogue ({@link Maskers}). Immutable.
 */
public final class MaskerRegistry {

    /** The type of a parameter's value. */
    public enum ParamType {
        /** Any string. */
        STRING("a string"),
        /** A whole number. */
        INT("a whole number"),
        /** A number. */
        DOUBLE("a number"),
        /** {@code true} or {@code false}. */
        BOOLEAN("true or false"),
        /** A string of one character. */
        CHAR("a string of one character"),
        /** An alphabet name (digits, lower, upper, alpha, alnum, hex) or the alphabet's characters. */
        ALPHABET("an alphabet name (" + String.join(", ", Alphabets.NAMES.keySet())
                + ") or a string of at least 2 distinct characters");

        private final String description;

        ParamType(String description) {
            this.description = description;
        }

        /** @return what a value of this type looks like, for messages */
        public String description() {
            return description;
        }
    }

    /**
     * A parameter.
     *
     * @param name its name in the rules file
     * @param type its type
     * @param required whether a rule must give it
     * @param defaultValue its value when absent ({@code null}: none, or absent means "not given")
     * @param min the least value of an {@code INT} or {@code DOUBLE} parameter
     * @param minExclusive whether {@code min} itself is refused
     * @param max the greatest value of an {@code INT} or {@code DOUBLE} parameter
     */
    public record Param(String name, ParamType type, boolean required, Object defaultValue, double min,
            boolean minExclusive, double max) {

        static Param required(String name, ParamType type) {
            return new Param(name, type, true, null, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY);
        }

        static Param optional(String name, ParamType type, Object defaultValue) {
            return new Param(name, type, false, defaultValue, Double.NEGATIVE_INFINITY, false,
                    Double.POSITIVE_INFINITY);
        }

        Param atLeast(double least) {
            return new Param(name, type, required, defaultValue, least, false, max);
        }

        Param above(double least) {
            return new Param(name, type, required, defaultValue, least, true, max);
        }

        Param atMost(double most) {
            return new Param(name, type, required, defaultValue, min, minExclusive, most);
        }
    }

    /** Makes a masker from its key (or {@code null}) and its parameters, defaults filled in. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param key the key bytes, or {@code null} for maskers without a key
         * @param params every parameter of the spec: given values or defaults ({@code null} if neither)
         * @return the masker
         * @throws IllegalArgumentException if the catalogue refuses the key or a parameter
         */
        TypedMasker create(byte[] key, Params params);
    }

    /**
     * A masker of the rules format.
     *
     * @param name its name in the rules file
     * @param keyed whether it needs a key id
     * @param params its parameters
     * @param factory how it is made
     */
    public record Spec(String name, boolean keyed, List<Param> params, Factory factory) {
        /** Copies. */
        public Spec {
            params = List.copyOf(params);
        }

        /**
         * @param param a parameter name
         * @return the parameter
         */
        public Optional<Param> param(String param) {
            return params.stream().filter(p -> p.name().equals(param)).findFirst();
        }
    }

    /** Parameter values after defaults are applied, converted to their types. */
    public static final class Params {
        private final Map<String, Object> values;
        private final String keyId;

        Params(Map<String, Object> values, String keyId) {
            this.values = values;
            this.keyId = keyId;
        }

        /** @return the rule's key id, or {@code null} for maskers without a key */
        String keyId() {
            return keyId;
        }

        /**
         * A keyring of the rule's one key, for the column encryption maskers (whose ciphertexts
         * carry the key id).
         */
        Keyring keyring(byte[] key) {
            return Keyring.of(KeyProvider.of(Map.of(keyId, key)), keyId);
        }

        String string(String name) {
            return (String) values.get(name);
        }

        int integer(String name) {
            return ((Number) values.get(name)).intValue();
        }

        double number(String name) {
            return ((Number) values.get(name)).doubleValue();
        }

        boolean bool(String name) {
            return (Boolean) values.get(name);
        }

        char character(String name) {
            return string(name).charAt(0);
        }

        String alphabet(String name) {
            return Alphabets.resolve(string(name));
        }
    }

    private static final Map<String, Spec> SPECS;

    static {
        Map<String, Spec> m = new LinkedHashMap<>();
        add(m, "redact", false, (k, p) -> Maskers.redact(p.string("value")),
                Param.optional("value", ParamType.STRING, "***"));
        add(m, "nullify", false, (k, p) -> Maskers.nullify());
        add(m, "partial", false, (k, p) -> Maskers.partial(p.integer("keepFirst"), p.integer("keepLast"),
                        p.character("maskChar")),
                Param.required("keepFirst", ParamType.INT).atLeast(0),
                Param.required("keepLast", ParamType.INT).atLeast(0),
                Param.optional("maskChar", ParamType.CHAR, "*"));
        add(m, "token", true, (k, p) -> Maskers.token(k, p.integer("length"), p.alphabet("alphabet")),
                Param.optional("length", ParamType.INT, 16).atLeast(1).atMost(4096),
                Param.optional("alphabet", ParamType.ALPHABET, "alnum"));
        add(m, "fpe", true, (k, p) -> Maskers.fpe(k, p.alphabet("alphabet")),
                Param.required("alphabet", ParamType.ALPHABET));
        add(m, "email", true, (k, p) -> Maskers.email(k, p.string("domain")),
                Param.optional("domain", ParamType.STRING, null));
        add(m, "phone", true, (k, p) -> Maskers.phone(k));
        add(m, "card", true, (k, p) -> Maskers.paymentCard(k, p.bool("keepBinAndLast4")),
                Param.optional("keepBinAndLast4", ParamType.BOOLEAN, false));
        add(m, "first_name", true, (k, p) -> Maskers.firstName(k));
        add(m, "last_name", true, (k, p) -> Maskers.lastName(k));
        add(m, "full_name", true, (k, p) -> Maskers.fullName(k));
        add(m, "street_address", true, (k, p) -> Maskers.streetAddress(k));
        add(m, "city", true, (k, p) -> Maskers.city(k));
        add(m, "noise", true, (k, p) -> Maskers.noise(k, p.number("percent")),
                Param.required("percent", ParamType.DOUBLE).above(0).atMost(100));
        add(m, "date_shift", true, (k, p) -> Maskers.dateShift(k, p.integer("maxDays")),
                Param.required("maxDays", ParamType.INT).atLeast(1).atMost(36_525));
        add(m, "age_band", false, (k, p) -> Maskers.ageBand(p.integer("width")),
                Param.optional("width", ParamType.INT, 10).atLeast(1));
        add(m, "postcode_prefix", false, (k, p) -> Maskers.postcodePrefix(p.integer("keep")),
                Param.required("keep", ParamType.INT).atLeast(1));
        add(m, "shuffle", true, (k, p) -> Maskers.shuffle(k));
        add(m, ColumnEncryptMasker.RANDOMISED, true, (k, p) -> Maskers.encrypt(p.keyring(k)));
        add(m, ColumnEncryptMasker.DETERMINISTIC, true, (k, p) -> Maskers.encryptDeterministic(p.keyring(k)));
        add(m, ColumnDecryptMasker.NAME, true, (k, p) -> Maskers.decrypt(p.keyring(k)));
        SPECS = Collections.unmodifiableMap(m);
    }

    private MaskerRegistry() {
    }

    private static void add(Map<String, Spec> m, String name, boolean keyed, Factory factory, Param... params) {
        m.put(name, new Spec(name, keyed, List.of(params), factory));
    }

    /**
     * @param name a masker name from a rules file (exact, lower case)
     * @return its spec
     */
    public static Optional<Spec> spec(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    /** @return every masker name, in catalogue order */
    public static List<String> names() {
        return new ArrayList<>(SPECS.keySet());
    }

    /**
     * Makes a masker with the given (already checked) parameters and defaults for the rest.
     *
     * @param spec the masker
     * @param keyId the rule's key id, or {@code null}
     * @param key its key, or {@code null}
     * @param given the parameters given, converted to their types
     * @return the masker
     * @throws IllegalArgumentException if the catalogue refuses the key or a parameter
     */
    public static TypedMasker create(Spec spec, String keyId, byte[] key, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : spec.params()) {
            values.put(p.name(), given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue());
        }
        return spec.factory().create(key, new Params(values, keyId));
    }

    /**
     * Makes a masker with a throwaway key, to ask what column types it supports; only for
     * proposals, never for masking.
     *
     * @param spec the masker
     * @param given parameters
     * @return the masker
     */
    static TypedMasker probe(Spec spec, Map<String, Object> given) {
        return create(spec, spec.keyed() ? "probe" : null, spec.keyed() ? probeKey() : null, given);
    }

    private static byte[] probeKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        return key;
    }
}
