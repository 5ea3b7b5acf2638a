package cn.fupin.household.household;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who members are (A1–A5, birth date) was corrected. It carries the old and new values for the history
 * ({@link CorrectionHistory}) and never leaves the service: other services learn of it from {@link HouseholdUpdated},
 * which names the fields only.
 */
record IdentityCorrected(UUID householdId, List<FieldCorrection> corrections, String reason, Instant correctedAt) {

    /** One field of one member: its indicator, e.g. {@code A4}, and its value before and after. */
    record FieldCorrection(UUID memberId, String field, String indicator, String oldValue, String newValue) {

        /** The path {@link HouseholdUpdated} names, e.g. {@code members[<id>].idNumber}. */
        String path() {
            return "members[" + memberId + "]." + field;
        }
    }

    /** The identity fields that differ between two versions of one member, with their values. */
    static List<FieldCorrection> between(Member before, Member after) {
        List<FieldCorrection> corrections = new ArrayList<>();
        compare(corrections, before, "name", "A1", before.name(), after.name());
        compare(corrections, before, "gender", "A2", before.gender(), after.gender());
        compare(corrections, before, "idType", "A3", before.idType(), after.idType());
        compare(corrections, before, "idNumber", "A4", before.idNumber().value(), after.idNumber().value());
        compare(corrections, before, "relation", "A5", before.relation(), after.relation());
        compare(corrections, before, "birthDate", null, before.birthDate(), after.birthDate());
        return corrections;
    }

    private static void compare(List<FieldCorrection> corrections, Member member, String field, String indicator,
            Object before, Object after) {
        if (!Objects.equals(before, after)) {
            corrections.add(new FieldCorrection(member.memberId(), field, indicator, Objects.toString(before, null),
                    Objects.toString(after, null)));
        }
    }
}
