package cn.fupin.platform.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data (PIPL) as those without a need to know see it: enough to recognise, not to use. The same rules
 * mask answers for such roles and every log line of every service ({@link MaskingMessageConverter}).
 */
public final class Masking {

    /**
     * Runs of digits that look like personal data in free text: resident IDs (18 with check letter, legacy 15),
     * mobile numbers (11, starting 1) and bank accounts (16–19). Not inside longer digit runs or words.
     */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15,19}|1[3-9]\\d{9})(?![0-9A-Za-z])");

    private Masking() {
    }

    /** {@code 350481199001011234} → {@code 350481********1234}. */
    public static String idNumber(String value) {
        if (value == null || value.length() < 10) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /** {@code 6217001234567890123} → {@code ***************0123}. */
    public static String account(String value) {
        if (value == null || value.length() <= 4) {
            return value == null ? null : "*".repeat(value.length());
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null || value.length() < 7) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /**
     * Free text (a log line, an exception message) with every number that looks like an ID number, a mobile
     * phone or a bank account masked; the rest is kept as it is.
     */
    public static String text(String value) {
        if (value == null || value.length() < 11) {
            return value;
        }
        Matcher matcher = PERSONAL_NUMBER.matcher(value);
        if (!matcher.find()) {
            return value;
        }
        StringBuilder masked = new StringBuilder(value.length());
        do {
            String number = matcher.group(1);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(number.length() == 11 ? phone(number)
                    : number.length() == 18 || number.length() == 15 ? idNumber(number) : account(number)));
        }
        while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}
