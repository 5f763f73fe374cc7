package org.creditkiosk.device.idcard;

/**
 * Identity numbers on the cards: the 18-character citizen identity number of GB 11643-1999 (also used by
 * residence permits, area codes 81/82/83, and by the 2023 foreign permanent resident card, first digit 9), and
 * the 15-character number of the 2017 foreign card (3-letter nationality + 12 digits).
 */
public final class IdNumbers {

    /** GB 11643-1999: weights of the first 17 characters (ISO 7064 MOD 11-2). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check characters for the weighted sum mod 11 = 0..10. */
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private static final java.util.regex.Pattern FOREIGN_2017 = java.util.regex.Pattern.compile("[A-Z]{3}\\d{12}");

    private IdNumbers() {
    }

    /** True for 17 digits followed by the right GB 11643 check character (upper-case X). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return id.charAt(17) == CHECK[sum % 11];
    }

    /** The check character for 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("need exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The 2017 foreign permanent resident card number: 3 letters (nationality) and 12 digits. */
    public static boolean isValidForeign2017(String id) {
        return id != null && FOREIGN_2017.matcher(id).matches();
    }

    /**
     * Display and log form after GB/T 35273 practice: {@code 610802199001011234} → {@code 610802********1234}
     * (the same rule as the kiosk's {@code Masking.idNumber}); short input is masked whole.
     */
    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() < 11) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
