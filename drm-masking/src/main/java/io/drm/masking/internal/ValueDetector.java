package io.drm.masking.internal;

import io.drm.masking.Classification;
import io.drm.masking.Maskers;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises one kind of sensitive value. The order of the constants is the order of preference
 * when two detectors match as many values of a column (the more specific first). Detectors look at
 * one value at a time and keep nothing.
 */
public enum ValueDetector {

    /** 13 to 19 digits (spaces or dashes allowed) with a valid Luhn check digit. */
    PAYMENT_CARD("payment_card", Classification.PCI) {
        @Override
        boolean test(String v, PersonNames names) {
            if (!CARD.matcher(v).matches()) {
                return false;
            }
            String digits = v.replace(" ", "").replace("-", "");
            return digits.length() >= 13 && digits.length() <= 19 && !allSame(digits) && Maskers.luhnValid(digits);
        }
    },

    /** An IBAN (ISO 13616): country code, two check digits, up to 30 letters or digits, mod-97 checksum 1. */
    IBAN("iban", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            if (!IBAN_SHAPE.matcher(v).matches()) {
                return false;
            }
            String compact = v.replace(" ", "").toUpperCase(Locale.ROOT);
            return compact.length() >= 15 && compact.length() <= 34 && Checksums.ibanValid(compact);
        }
    },

    /** A US social security number (ddd-dd-dddd, ranges never issued excluded) or a UK national insurance number. */
    NATIONAL_ID("national_id", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            return ssn(v) || nino(v);
        }
    },

    /** An e-mail address. */
    EMAIL("email", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            return v.length() <= 254 && EMAIL_SHAPE.matcher(v).matches();
        }
    },

    /** An IPv4 or IPv6 address, optionally with a prefix length. */
    IP_ADDRESS("ip_address", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            return ipv4(v) || ipv6(v);
        }
    },

    /**
     * A phone number: 7 to 15 digits, written with a leading {@code +} or with separators (space,
     * dash, dot, parentheses); bare digit strings, dates, SSNs and IPv4 addresses are not phones.
     */
    PHONE("phone", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            if (!PHONE_SHAPE.matcher(v).matches() || DATE_SHAPE.matcher(v).matches()
                    || SSN_SHAPE.matcher(v).matches() || DECIMAL_SHAPE.matcher(v).matches() || ipv4(v)) {
                return false;
            }
            int digits = 0;
            boolean formatted = v.charAt(0) == '+';
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else {
                    formatted = true;
                }
            }
            return formatted && digits >= 7 && digits <= 15;
        }
    },

    /** One to four words of letters, of which the first is a known first name or the last a known last name. */
    PERSON_NAME("person_name", Classification.PII) {
        @Override
        boolean test(String v, PersonNames names) {
            String text = v;
            int comma = text.indexOf(',');
            if (comma > 0 && comma == text.lastIndexOf(',')) {
                // "Lovelace, Ada"
                text = text.substring(comma + 1).strip() + " " + text.substring(0, comma).strip();
            }
            if (!NAME_SHAPE.matcher(text).matches()) {
                return false;
            }
            String[] words = text.split("\\s+");
            if (words.length == 1) {
                return names.firstName(words[0]) || names.lastName(words[0]);
            }
            return names.firstName(words[0]) || names.lastName(words[words.length - 1]);
        }
    };

    /** Values longer than this are not looked at (they count as not matching). */
    static final int MAX_LENGTH = 256;

    private static final Pattern CARD = Pattern.compile("[0-9][0-9 -]{11,24}[0-9]");
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}");
    private static final Pattern SSN_SHAPE = Pattern.compile("([0-9]{3})-([0-9]{2})-([0-9]{4})");
    private static final Pattern NINO_SHAPE = Pattern.compile(
            "([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
            + "(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
            + "[A-Za-z]{2,63}");
    private static final Pattern IPV4_SHAPE = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
            + "(/(3[0-2]|[12]?[0-9]))?");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9(][0-9 ().-]{5,22}[0-9]");
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "[0-9]{4}[-./ ][0-9]{1,2}[-./ ][0-9]{1,2}|[0-9]{1,2}[-./ ][0-9]{1,2}[-./ ][0-9]{4}");
    private static final Pattern DECIMAL_SHAPE = Pattern.compile("[0-9]+[.,][0-9]+");
    private static final Pattern NAME_SHAPE = Pattern.compile(
            "\\p{L}[\\p{L}'\u2019.-]*(?: \\p{L}[\\p{L}'\u2019.-]*){0,3}");

    private final String id;
    private final Classification classification;

    ValueDetector(String id, Classification classification) {
        this.id = id;
        this.classification = classification;
    }

    /** @return the detector's name in reports, for example {@code "payment_card"} */
    public String id() {
        return id;
    }

    /** @return the class a column gets when this detector matches its values */
    public Classification classification() {
        return classification;
    }

    /**
     * @param value a value as text; surrounding blanks are ignored
     * @param names the person names to know names by
     * @return whether the value is of this kind
     */
    public boolean matches(String value, PersonNames names) {
        String v = value.strip();
        return !v.isEmpty() && v.length() <= MAX_LENGTH && test(v, names);
    }

    abstract boolean test(String stripped, PersonNames names);

    private static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    static boolean ssn(String v) {
        Matcher m = SSN_SHAPE.matcher(v);
        if (!m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        int group = Integer.parseInt(m.group(2));
        int serial = Integer.parseInt(m.group(3));
        // Never issued: area 000, 666 and 900-999, group 00, serial 0000; and the two numbers
        // published in advertising that thousands of people used as their own.
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !v.equals("078-05-1120") && !v.equals("219-09-9999");
    }

    static boolean nino(String v) {
        Matcher m = NINO_SHAPE.matcher(v.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        // Prefixes never allocated.
        switch (m.group(1)) {
            case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
                return false;
            default:
                return true;
        }
    }

    static boolean ipv4(String v) {
        return IPV4_SHAPE.matcher(v).matches();
    }

    static boolean ipv6(String value) {
        String v = value;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            String prefix = v.substring(slash + 1);
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > 128) {
                return false;
            }
            v = v.substring(0, slash);
        }
        if (v.indexOf(':') < 0) {
            return false;
        }
        if (v.indexOf('.') >= 0) {
            // an IPv4 address in the last 32 bits: ::ffff:192.0.2.1
            int last = v.lastIndexOf(':');
            if (!IPV4_SHAPE.matcher(v.substring(last + 1)).matches() || v.substring(last + 1).contains("/")) {
                return false;
            }
            v = v.substring(0, last + 1) + "0:0";
        }
        int gap = v.indexOf("::");
        if (gap >= 0 && gap != v.lastIndexOf("::")) {
            return false;
        }
        int groups;
        if (gap >= 0) {
            int head = hexGroups(v.substring(0, gap));
            int tail = hexGroups(v.substring(gap + 2));
            if (head < 0 || tail < 0) {
                return false;
            }
            groups = head + tail;
            return groups <= 7;
        }
        groups = hexGroups(v);
        return groups == 8;
    }

    /** @return the number of colon-separated hex groups, 0 for "", -1 if one is not 1-4 hex digits */
    private static int hexGroups(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (!HEX_GROUP.matcher(g).matches()) {
                return -1;
            }
        }
        return groups.length;
    }
}
