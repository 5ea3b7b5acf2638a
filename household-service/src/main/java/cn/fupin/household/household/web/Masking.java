package cn.fupin.household.household.web;

/** Personal data (PIPL) as roles without a need to know see it: enough to recognise, not to use. */
final class Masking {

    private Masking() {
    }

    /** {@code 350481199001011234} → {@code 350481********1234}. */
    static String idNumber(String value) {
        if (value == null || value.length() < 10) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /** {@code 6217001234567890123} → {@code ***************0123}. */
    static String account(String value) {
        if (value == null || value.length() <= 4) {
            return value == null ? null : "*".repeat(value.length());
        }
        return "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    static String phone(String value) {
        if (value == null || value.length() < 7) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}
