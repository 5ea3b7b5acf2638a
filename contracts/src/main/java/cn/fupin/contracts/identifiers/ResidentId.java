package cn.fupin.contracts.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A citizen identity number (公民身份号码) per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd for men), and a check character over the first 17 digits. 15-digit numbers issued before 1999
 * have a 2-digit year and no check character; they are accepted and flagged as legacy.
 *
 * @param value the number, with a lower-case {@code x} normalised to {@code X}
 * @param birthDate the birth date it encodes
 * @param male whether the sequence marks a man
 * @param legacy whether it is an old 15-digit number
 */
public record ResidentId(String value, LocalDate birthDate, boolean male, boolean legacy) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Pattern CURRENT = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern LEGACY = Pattern.compile("\\d{15}");

    /** Parses a number, or empty when its length, digits, birth date or check character are wrong. */
    public static Optional<ResidentId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().toUpperCase(Locale.ROOT);
        if (CURRENT.matcher(value).matches()) {
            if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
                return Optional.empty();
            }
            return date(value.substring(6, 14))
                    .map(date -> new ResidentId(value, date, (value.charAt(16) - '0') % 2 == 1, false));
        }
        if (LEGACY.matcher(value).matches()) {
            return date("19" + value.substring(6, 12))
                    .map(date -> new ResidentId(value, date, (value.charAt(14) - '0') % 2 == 1, true));
        }
        return Optional.empty();
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** A valid number for a region, birth date and sequence (odd for men): for tests and synthetic data. */
    public static ResidentId of(String region, LocalDate birthDate, int sequence) {
        String first17 = region + String.format(Locale.ROOT, "%04d%02d%02d%03d", birthDate.getYear(),
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return parse(first17 + checkCharacter(first17)).orElseThrow();
    }

    /** The GB/T 2261.1 gender code the number implies: 1 male, 2 female. */
    public String genderCode() {
        return male ? "1" : "2";
    }

    private static Optional<LocalDate> date(String yyyymmdd) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return date.isAfter(LocalDate.of(1880, 1, 1)) ? Optional.of(date) : Optional.empty();
        }
        catch (DateTimeException | NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
