package io.drm.masking.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The alphabet names a rules file may use instead of listing characters. */
public final class Alphabets {

    /** Name to characters, in ASCII order. */
    public static final Map<String, String> NAMES;

    static {
        String digits = "0123456789";
        String lower = "abcdefghijklmnopqrstuvwxyz";
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("digits", digits);
        m.put("lower", lower);
        m.put("upper", upper);
        m.put("alpha", upper + lower);
        m.put("alnum", digits + upper + lower);
        m.put("hex", digits + "abcdef");
        NAMES = Collections.unmodifiableMap(m);
    }

    private Alphabets() {
    }

    /**
     * @param nameOrChars an alphabet name or the alphabet's characters
     * @return the characters
     */
    public static String resolve(String nameOrChars) {
        return NAMES.getOrDefault(nameOrChars, nameOrChars);
    }

    /**
     * @param nameOrChars an alphabet name or characters
     * @return why it is no alphabet, or {@code null} when it is one
     */
    static String problem(String nameOrChars) {
        String chars = resolve(nameOrChars);
        try {
            CodePointAlphabet.of(chars);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
