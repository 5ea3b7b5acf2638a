package cn.fupin.contracts.identifiers;

import java.util.Optional;

/**
 * A second-generation disability certificate number (第二代残疾人证): the holder's 18-character resident ID,
 * then the disability category (1 视力 … 7 多重) and grade (1 most severe … 4).
 *
 * @param residentId the holder's resident ID
 * @param category disability category digit, 1–7
 * @param grade disability grade digit, 1–4
 */
public record DisabilityCertificate(ResidentId residentId, char category, char grade) {

    /** Parses a 20-character number, or empty when the ID, category or grade is not valid. */
    public static Optional<DisabilityCertificate> parse(String raw) {
        if (raw == null || raw.trim().length() != 20) {
            return Optional.empty();
        }
        String value = raw.trim();
        char category = value.charAt(18);
        char grade = value.charAt(19);
        if (category < '1' || category > '7' || grade < '1' || grade > '4') {
            return Optional.empty();
        }
        return ResidentId.parse(value.substring(0, 18)).filter(id -> !id.legacy())
                .map(id -> new DisabilityCertificate(id, category, grade));
    }

    /** The number as stored: the normalised ID followed by category and grade. */
    public String value() {
        return residentId.value() + category + grade;
    }
}
