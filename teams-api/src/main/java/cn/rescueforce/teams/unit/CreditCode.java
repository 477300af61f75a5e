package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.i18n.Text;

/**
 * The unified social credit code of GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z,
 * S, V), the last one a check character computed from the first 17 with weights 3^i mod 31.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why the code is not valid, or null when it is. */
    public static Text problemWith(String code) {
        if (code == null || code.length() != 18) {
            return Text.of("must be 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Text.of("character {0} ('{1}') is not allowed in a credit code", i + 1, code.charAt(i));
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        return code.charAt(17) == expected ? null : Text.of("check character does not match (expected {0})", expected);
    }

    /** The check character of the first 17 characters, which must all be in the alphabet. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
