package io.drm.masking.internal;

import java.util.Objects;

/** The Luhn (mod 10) check of payment card numbers. Stateless. */
public final class Luhn {

    private Luhn() {
    }

    /**
     * Whether a number passes the Luhn check. Spaces and hyphens are ignored.
     *
     * @param number the digits, optionally with spaces and hyphens
     * @return true if it has at least one digit, nothing but digits, spaces and hyphens, and
     *     passes the check
     * @throws NullPointerException if {@code number} is null
     */
    public static boolean valid(CharSequence number) {
        Objects.requireNonNull(number, "number");
        int sum = 0;
        int digits = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            sum += weigh(c - '0', (digits & 1) == 1);
            digits++;
        }
        return digits > 0 && sum % 10 == 0;
    }

    /**
     * Returns the digit that, put at {@code index}, makes the number pass the check.
     *
     * @param digits the digits (0 to 9) of the number; the one at {@code index} is ignored
     * @param index which digit to solve for
     * @return the digit, 0 to 9
     */
    public static int solve(int[] digits, int index) {
        return solve(digits, digits.length, index);
    }

    /**
     * Returns the digit that, put at {@code index}, makes the number of the first {@code length}
     * digits pass the check.
     *
     * @param digits the digits (0 to 9) of the number from index 0; the one at {@code index} is
     *     ignored, and so are those from {@code length} on
     * @param length how many digits the number has
     * @param index which digit to solve for, below {@code length}
     * @return the digit, 0 to 9
     */
    public static int solve(int[] digits, int length, int index) {
        return solve(digits, 0, length, index);
    }

    /**
     * Returns the digit that, put at {@code index} of the number, makes the number of the
     * {@code length} digits from {@code from} on pass the check.
     *
     * @param digits holds the digits (0 to 9) of the number from index {@code from}; the one at
     *     {@code from + index} is ignored
     * @param from where the number starts
     * @param length how many digits the number has
     * @param index which of its digits to solve for, below {@code length}
     * @return the digit, 0 to 9
     */
    public static int solve(int[] digits, int from, int length, int index) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            if (i != index) {
                sum += weigh(digits[from + i], ((length - 1 - i) & 1) == 1);
            }
        }
        boolean doubled = ((length - 1 - index) & 1) == 1;
        for (int x = 0; x < 10; x++) {
            if ((sum + weigh(x, doubled)) % 10 == 0) {
                return x;
            }
        }
        throw new AssertionError("every residue has a Luhn digit");
    }

    private static int weigh(int digit, boolean doubled) {
        if (!doubled) {
            return digit;
        }
        int d = digit * 2;
        return d > 9 ? d - 9 : d;
    }
}
