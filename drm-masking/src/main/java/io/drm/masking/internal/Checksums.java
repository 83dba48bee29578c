package io.drm.masking.internal;

/** Check digits the classifier recognises values by (Luhn is {@code Maskers.luhnValid}). */
public final class Checksums {

    private Checksums() {
    }

    /**
     * ISO 7064 mod 97-10, as ISO 13616 defines it for IBANs: the first four characters are moved to
     * the end, letters become 10..35, and the number must leave remainder 1 when divided by 97.
     *
     * @param iban upper-case letters and digits, no spaces
     * @return whether the check digits are right
     */
    public static boolean ibanValid(CharSequence iban) {
        int n = iban.length();
        if (n < 5) {
            return false;
        }
        int remainder = 0;
        for (int i = 0; i < n; i++) {
            char c = iban.charAt((i + 4) % n);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
