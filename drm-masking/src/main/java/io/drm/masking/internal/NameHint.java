package io.drm.masking.internal;

import io.drm.masking.Classification;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a column's name suggests about its data. Names are cut into words ({@code first_name},
 * {@code firstName} and {@code FIRSTNAME} all give {@code first name}), and the longest run of
 * words that is a known phrase wins ({@code email_address} is an e-mail, not an address). A hint
 * only applies to columns of a type that can hold such data ({@code email_verified BOOLEAN} is no
 * e-mail), and not when another word such as {@code type}, {@code status}, {@code count} or
 * {@code id} says the column describes or refers to the data rather than holds it
 * ({@code card_type}, {@code card_id}).
 *
 * @param key what the name suggests, for example {@code "email"}, {@code "first_name"}
 * @param classification the class of such data
 * @param agrees the value detector that confirms the hint, or {@code null} when none does
 * @param weight the confidence the name alone gives
 * @param weak whether the hint counts only when values agree (the bare word {@code name})
 * @param types the kinds of column type the hint applies to
 */
public record NameHint(String key, Classification classification, ValueDetector agrees, double weight, boolean weak,
        Set<TypeGroup> types) {

    /** The confidence of a name-only hint. */
    public static final double STRONG = 0.6;

    /** The confidence of a weak hint, which must be confirmed by values. */
    public static final double WEAK = 0.3;

    /** Kinds of column type. */
    public enum TypeGroup {
        /** Character, CLOB and driver-specific ({@code OTHER}: PostgreSQL's inet, uuid, ...) types. */
        TEXT,
        /** Integer and decimal types. */
        NUMBER,
        /** Dates and timestamps. */
        DATE,
        /** Binary types. */
        BINARY;

        /**
         * @param type a JDBC type
         * @return its group, or empty for booleans, arrays and the like
         */
        public static Optional<TypeGroup> of(JDBCType type) {
            switch (type) {
                case CHAR: case VARCHAR: case LONGVARCHAR: case NCHAR: case NVARCHAR: case LONGNVARCHAR:
                case CLOB: case NCLOB: case OTHER:
                    return Optional.of(TEXT);
                case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case NUMERIC: case DECIMAL:
                case REAL: case FLOAT: case DOUBLE:
                    return Optional.of(NUMBER);
                case DATE: case TIMESTAMP: case TIMESTAMP_WITH_TIMEZONE:
                    return Optional.of(DATE);
                case BINARY: case VARBINARY: case LONGVARBINARY: case BLOB:
                    return Optional.of(BINARY);
                default:
                    return Optional.empty();
            }
        }
    }

    private static final Set<String> QUALIFIERS = Set.of("type", "types", "kind", "status", "state", "count",
            "flag", "enabled", "verified", "confirmed", "format", "brand", "network", "issuer", "length", "len",
            "consent", "optin", "opt", "policy", "expiry", "expires", "expiration", "strength", "algorithm",
            "algo", "changed", "updated", "reset", "version", "attempts", "valid", "validated", "prefix", "id", "ids", "hint", "question", "required");

    private static final Map<String, NameHint> PHRASES = new HashMap<>();

    static {
        Set<TypeGroup> text = EnumSet.of(TypeGroup.TEXT);
        Set<TypeGroup> textOrNumber = EnumSet.of(TypeGroup.TEXT, TypeGroup.NUMBER);
        hint("email", Classification.PII, ValueDetector.EMAIL, text,
                "email", "mail", "emailaddress", "mailaddress", "emailaddr");
        hint("phone", Classification.PII, ValueDetector.PHONE, textOrNumber,
                "phone", "phonenumber", "phoneno", "mobile", "mobilenumber", "cell", "cellphone", "telephone",
                "tel", "fax", "msisdn");
        hint("national_id", Classification.PII, ValueDetector.NATIONAL_ID, textOrNumber,
                "ssn", "nin", "nino", "nationalid", "nationalinsurance", "nationalinsurancenumber", "socialsecurity",
                "socialsecuritynumber", "taxid", "tin", "passport", "passportnumber", "passportno",
                "driverslicense", "driverlicense", "drivinglicence", "drivinglicense", "idnumber", "idcard");
        hint("iban", Classification.PII, ValueDetector.IBAN, text,
                "iban", "bankaccount", "accountnumber", "bankaccountnumber");
        hint("payment_card", Classification.PCI, ValueDetector.PAYMENT_CARD, textOrNumber,
                "card", "cardnumber", "cardno", "pan", "ccnumber", "ccnum", "cc", "creditcard",
                "creditcardnumber", "debitcard", "cardholder", "cardholdername");
        hint("card_code", Classification.PCI, null, textOrNumber, "cvv", "cvc", "cvv2", "cvc2");
        hint("date_of_birth", Classification.PII, null, EnumSet.of(TypeGroup.TEXT, TypeGroup.DATE),
                "dob", "birth", "birthday", "birthdate", "dateofbirth", "birthdt");
        hint("first_name", Classification.PII, ValueDetector.PERSON_NAME, text,
                "firstname", "givenname", "forename", "fname", "middlename");
        hint("last_name", Classification.PII, ValueDetector.PERSON_NAME, text,
                "lastname", "surname", "familyname", "lname", "maidenname");
        hint("full_name", Classification.PII, ValueDetector.PERSON_NAME, text,
                "fullname", "personname", "customername", "contactname", "displayname", "patientname",
                "employeename");
        hint("username", Classification.PII, null, text, "username", "login", "loginname");
        hint("street_address", Classification.PII, null, text,
                "address", "street", "streetaddress", "addressline", "addressline1", "addressline2", "homeaddress",
                "postaladdress", "mailingaddress", "billingaddress", "shippingaddress");
        hint("postcode", Classification.PII, null, text,
                "postcode", "postalcode", "zip", "zipcode", "postcodes");
        hint("ip_address", Classification.PII, ValueDetector.IP_ADDRESS, textOrNumber,
                "ip", "ipaddress", "ipaddr", "ipv4", "ipv6", "clientip", "remoteip", "remoteaddr", "sourceip");
        hint("secret", Classification.SECRET, null, EnumSet.of(TypeGroup.TEXT, TypeGroup.BINARY),
                "password", "passwd", "pwd", "passwordhash", "pass", "secret", "clientsecret", "token",
                "accesstoken", "refreshtoken", "authtoken", "apikey", "apisecret", "privatekey", "secretkey",
                "credential", "credentials", "pin", "otp", "totp");
        hint("health", Classification.PHI, null, text,
                "diagnosis", "diagnoses", "icd", "icd9", "icd10", "icdcode", "medical", "medicalrecord",
                "medicalhistory", "mrn", "prescription", "medication", "medications", "allergy", "allergies",
                "symptoms", "bloodtype", "healthcondition");
        // the bare word: a person's name only when the values say so (product.name is not)
        PHRASES.put("name", new NameHint("full_name", Classification.PII, ValueDetector.PERSON_NAME, WEAK, true,
                text));
    }

    /** Validates. */
    public NameHint {
        types = Set.copyOf(types);
    }

    private static void hint(String key, Classification classification, ValueDetector agrees, Set<TypeGroup> types,
            String... phrases) {
        NameHint hint = new NameHint(key, classification, agrees, STRONG, false, types);
        for (String phrase : phrases) {
            if (PHRASES.put(phrase, hint) != null) {
                throw new IllegalStateException("phrase listed twice: " + phrase);
            }
        }
    }

    /**
     * @param column a column name
     * @param type its JDBC type
     * @return what the name suggests, if anything
     */
    public static Optional<NameHint> of(String column, JDBCType type) {
        Optional<TypeGroup> group = TypeGroup.of(type);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = words(column);
        NameHint best = null;
        int bestWords = 0;
        int bestLength = 0;
        int bestStart = 0;
        for (int i = 0; i < words.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int j = i; j < words.size(); j++) {
                phrase.append(words.get(j));
                NameHint hint = PHRASES.get(phrase.toString());
                int n = j - i + 1;
                if (hint != null && (n > bestWords || (n == bestWords && phrase.length() > bestLength))) {
                    best = hint;
                    bestWords = n;
                    bestLength = phrase.length();
                    bestStart = i;
                }
            }
        }
        if (best == null || !best.types().contains(group.get())) {
            return Optional.empty();
        }
        for (int i = 0; i < words.size(); i++) {
            boolean inPhrase = i >= bestStart && i < bestStart + bestWords;
            if (!inPhrase && QUALIFIERS.contains(words.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(best);
    }

    /**
     * Cuts a name into lower-case words at underscores, dashes, spaces, dots and camel-case humps.
     *
     * @param name a column name
     * @return its words
     */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(words, word);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1)))) {
                flush(words, word);
            }
            word.append(c);
        }
        flush(words, word);
        return words;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
