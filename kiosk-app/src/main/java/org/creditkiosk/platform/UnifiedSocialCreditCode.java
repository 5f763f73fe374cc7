package org.creditkiosk.platform;

import java.util.Optional;

/**
 * Unified Social Credit Code after GB 32100-2015: 18 characters from a 31-character set (digits and upper-case
 * letters without I O S V Z). Positions 9-17 hold the organisation code of GB 11714 with its own mod-11 check
 * character; position 18 is the code's check character with weights 3^(i-1) mod 31.
 *
 * <p>Checked before any request, so a mistyped code never reaches the platform.
 */
public final class UnifiedSocialCreditCode {

    /** GB 32100-2015 table 1: the value of a character is its index here. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** GB 11714-1997 weights of the 8 body characters of the organisation code. */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Why a code is refused; the UI turns this into a hint next to the keyboard. */
    public enum Problem { LENGTH, CHARACTER, AREA_CODE, ORGANISATION_CODE_CHECK, CHECK_CHARACTER }

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Empty when the code is valid, otherwise the first problem found. */
    public static Optional<Problem> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Problem.CHARACTER);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(Problem.AREA_CODE);
            }
        }
        Optional<Character> orgCheck = organisationCodeCheck(code.substring(8, 16));
        if (orgCheck.isEmpty() || orgCheck.get() != code.charAt(16)) {
            return Optional.of(Problem.ORGANISATION_CODE_CHECK);
        }
        // A last character outside the set (e.g. the Z of 91350100M000100Y4Z) is a wrong check character too.
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(Problem.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** GB 32100-2015 §5.2: check = (31 − Σ(value × 3^(i−1) mod 31) mod 31) mod 31 over the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside GB 32100 set at position " + (i + 1));
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /**
     * GB 11714-1997: C9 = 11 − Σ(Ci × Wi) mod 11 over the 8 body characters (digits and letters, A = 10 ... Z = 35),
     * with 10 written X and 11 written 0. Empty when a body character is not a digit or a letter.
     */
    public static Optional<Character> organisationCodeCheck(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("need the 8 body characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else {
                return Optional.empty();
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return Optional.of(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
    }
}
