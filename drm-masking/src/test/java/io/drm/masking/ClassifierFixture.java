package io.drm.masking;

import io.drm.testing.TestDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A customer table holding e-mails, cards (Luhn-valid and not), IBANs, SSNs (valid and in ranges
 * never issued), UK NINOs, IPs, names and phones beside plain columns, and a product table whose
 * {@code name} holds no person's name. Values are generated, none is real.
 */
final class ClassifierFixture {

    static final int ROWS = 24;

    private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
        "Linda"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis"};
    private static final String[] NINO_PREFIX = {"AB", "CE", "JG", "KL", "MN", "PR", "ST", "WX", "YZ", "HE"};
    private static final String[] LEGACY = {"000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567",
        "123-45-0000", "987-65-4321"};
    private static final String[] STATUS = {"active", "pending", "closed"};
    private static final String[] PRODUCTS = {"Widget", "Gadget", "Sprocket", "Gizmo", "Doohickey", "Flange"};

    /** Every value written to a column that holds sensitive data. */
    final List<String> sensitiveValues = new ArrayList<>();

    private ClassifierFixture() {
    }

    static ClassifierFixture create(TestDatabase db) {
        ClassifierFixture f = new ClassifierFixture();
        db.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200), contact VARCHAR(200),"
                + " card_number VARCHAR(25), ref_code VARCHAR(25), settlement VARCHAR(40), gov_ref VARCHAR(20),"
                + " tax_ref VARCHAR(20), legacy_ref VARCHAR(20), last_ip VARCHAR(45), origin VARCHAR(45),"
                + " holder VARCHAR(100), mobile VARCHAR(30), password_hash VARCHAR(100), diagnosis VARCHAR(20),"
                + " sku VARCHAR(20), status VARCHAR(10), quantity INT, price DECIMAL(10,2), note VARCHAR(100),"
                + " order_day VARCHAR(10), created_on DATE, visits BIGINT)");
        db.execute("CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(50), colour VARCHAR(20))");
        for (int i = 0; i < ROWS; i++) {
            String card = luhn(String.format(Locale.ROOT, "4%014d", 539_871_220_000L + i * 7919L));
            String cardShown = i % 3 == 0 ? card.replaceAll("(\\d{4})(?=\\d)", "$1 ") : card;
            String notCard = card.substring(0, 15) + (char) ('0' + (card.charAt(15) - '0' + 3) % 10);
            String iban = iban("GB", String.format(Locale.ROOT, "WEST%014d", 12_345_698_765_432L + i));
            String ibanShown = i % 2 == 0 ? iban.replaceAll("(.{4})(?=.)", "$1 ") : iban;
            String ssn = String.format(Locale.ROOT, "%03d-%02d-%04d", 101 + i * 7, 10 + i, 1000 + i * 37);
            String nino = String.format(Locale.ROOT, "%s%06d%c", NINO_PREFIX[i % NINO_PREFIX.length],
                    123_456 + i * 11, (char) ('A' + i % 4));
            String ip = i % 2 == 0 ? "10.0." + i + "." + (i + 1) : "2001:db8::" + Integer.toHexString(0x100 + i);
            String origin = i % 2 == 0 ? "fe80:0:0:0:200:f8ff:fe21:" + Integer.toHexString(0x6700 + i)
                    : "192.168." + i + ".7";
            String holder = FIRST[i % FIRST.length] + " " + LAST[(i / 2) % LAST.length];
            String email = "user" + i + "@example.com";
            String contact = FIRST[i % FIRST.length].toLowerCase(Locale.ROOT) + "." + i + "@mail.example.org";
            String mobile = String.format(Locale.ROOT, "+44 7700 900%03d", i);
            String hash = String.format(Locale.ROOT, "%064x", BigInteger.valueOf(31L * i + 7).pow(9));
            String diagnosis = "J45." + (900 + i);
            db.execute("INSERT INTO customer VALUES (" + i + ", '" + email + "', '" + contact + "', '" + cardShown
                    + "', '" + notCard + "', '" + ibanShown + "', '" + ssn + "', '" + nino + "', '"
                    + LEGACY[i % LEGACY.length] + "', '" + ip + "', '" + origin + "', '" + holder + "', '" + mobile
                    + "', '" + hash + "', '" + diagnosis + "', 'SKU-" + (1000 + i) + "', '"
                    + STATUS[i % STATUS.length] + "', " + (i * 3) + ", " + (i + 0.99) + ", 'batch " + i + " ok', '"
                    + String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i) + "', DATE '2024-01-"
                    + String.format(Locale.ROOT, "%02d", 1 + i) + "', " + (4_000_000_000L + i) + ")");
            db.execute("INSERT INTO product VALUES (" + i + ", '" + PRODUCTS[i % PRODUCTS.length] + "', '" + (i % 2 == 0 ? "red" : "blue") + "')");
            f.sensitiveValues.addAll(List.of(email, contact, cardShown, card, notCard, ibanShown, iban, ssn, nino,
                    ip, origin, holder, mobile, hash, diagnosis));
        }
        return f;
    }

    /** @return the digits followed by their Luhn check digit */
    static String luhn(String digits) {
        for (char check = '0'; check <= '9'; check++) {
            if (Maskers.luhnValid(digits + check)) {
                return digits + check;
            }
        }
        throw new IllegalStateException();
    }

    /** @return an IBAN with correct ISO 13616 check digits */
    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }
}
