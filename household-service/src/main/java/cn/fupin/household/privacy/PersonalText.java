package cn.fupin.household.privacy;

/**
 * A phone number or bank account (PIPL personal data): stored encrypted (see {@code privacy.EncryptedPersonalData}),
 * printed as stars, so it cannot reach a log by accident; answers mask it for roles without a need to know.
 */
public record PersonalText(String value) {

    /** The text as given; null or blank is no text. */
    public static PersonalText of(String value) {
        return value == null || value.isBlank() ? null : new PersonalText(value.strip());
    }

    /** The value of a possibly absent text. */
    public static String valueOf(PersonalText text) {
        return text == null ? null : text.value();
    }

    @Override
    public String toString() {
        return "*".repeat(value.length());
    }
}
