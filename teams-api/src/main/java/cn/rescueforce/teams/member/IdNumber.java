package cn.rescueforce.teams.member;

import cn.rescueforce.kit.i18n.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/** The resident identity number of GB 11643-1999: 17 digits (region, birth date, sequence) and a check digit. */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumber() {
    }

    /** Why the number is not valid, or null when it is. */
    public static Text problemWith(String number) {
        if (number == null || !number.matches("\\d{17}[\\dX]")) {
            return Text.of("must be 17 digits followed by a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
                return Text.of("birth date {0} is not plausible", birth);
            }
        } catch (DateTimeException e) {
            return Text.of("characters 7-14 are not a valid birth date");
        }
        char expected = checkDigit(number.substring(0, 17));
        return number.charAt(17) == expected ? null : Text.of("check digit does not match (expected {0})", expected);
    }

    /** The check digit (0-9 or X) of the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The form an ID number is hashed in: without surrounding spaces, the check character X upper-case. */
    public static String normalized(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }

    /** Shown as 110105********002X: the region and the last four characters only. */
    public static String masked(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }
}
