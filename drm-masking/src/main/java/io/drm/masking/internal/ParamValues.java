package io.drm.masking.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks and converts the value of one masker parameter from a rules file. */
final class ParamValues {

    private ParamValues() {
    }

    /**
     * @param p the parameter
     * @param v its value in the document
     * @return what is wrong with the value ("must be a whole number, is a string"), or {@code null}
     */
    static String check(MaskerRegistry.Param p, JsonNode v) {
        String wrong = "must be " + p.type().description() + ", is " + RulesParser.kind(v);
        switch (p.type()) {
            case STRING:
                return v.isTextual() ? null : wrong;
            case BOOLEAN:
                return v.isBoolean() ? null : wrong;
            case CHAR:
                return v.isTextual() && v.textValue().length() == 1 ? null
                        : v.isTextual() ? "must be a string of one character, has " + v.textValue().length() : wrong;
            case ALPHABET:
                if (!v.isTextual()) {
                    return wrong;
                }
                String problem = Alphabets.problem(v.textValue());
                return problem == null ? null : "is no alphabet: " + problem + " (names: "
                        + String.join(", ", Alphabets.NAMES.keySet()) + ")";
            case INT:
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    return v.isNumber() ? "must be a whole number (within int range), is " + v : wrong;
                }
                return range(p, v.intValue());
            case DOUBLE:
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    return v.isNumber() ? "must be a finite number, is " + v : wrong;
                }
                return range(p, v.doubleValue());
            default:
                throw new IllegalStateException(p.type().toString());
        }
    }

    private static String range(MaskerRegistry.Param p, double value) {
        boolean ok = p.minExclusive() ? value > p.min() : value >= p.min();
        if (!ok) {
            return "must be " + (p.minExclusive() ? "greater than " : "at least ") + format(p.min()) + ", is "
                    + format(value);
        }
        return value <= p.max() ? null : "must be at most " + format(p.max()) + ", is " + format(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * @param p the parameter
     * @param v its value, already {@link #check checked}
     * @return the value as a String, Boolean, Integer or Double
     */
    static Object value(MaskerRegistry.Param p, JsonNode v) {
        switch (p.type()) {
            case BOOLEAN:
                return v.booleanValue();
            case INT:
                return v.intValue();
            case DOUBLE:
                return v.isIntegralNumber() && v.canConvertToInt() ? (Object) v.intValue() : (Object) v.doubleValue();
            default:
                return v.textValue();
        }
    }
}
