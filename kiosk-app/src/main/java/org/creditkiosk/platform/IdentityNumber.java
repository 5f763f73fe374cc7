package org.creditkiosk.platform;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Resident identity number after GB 11643-1999: area code (6) + birth date (8) + sequence (3, odd for men) +
 * check character (ISO 7064 MOD 11-2).
 */
public final class IdentityNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    private IdentityNumber() {
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{17}[0-9X]")) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    /** ISO 7064 MOD 11-2 as GB 11643 states it: Σ(ai × Wi) mod 11 → 1 0 X 9 8 7 6 5 4 3 2. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("digit expected at position " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }
}
