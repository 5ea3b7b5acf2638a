package cn.fupin.monitoring.households;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import cn.fupin.contracts.rules.BasicNeed;

/**
 * A household as monitoring sees it, from household.events: where it is, what it is, who lives in it (health and
 * labour, never an ID number: the head is known by a keyed hash) and its latest year's income and 两不愁三保障.
 */
public record HouseholdSummary(UUID householdId, String divisionCode, String category, String status, int size,
        String headName, String headIdHash, List<MemberSummary> members, List<String> causes, Integer incomeYear,
        BigDecimal perCapitaIncome, BasicNeeds basicNeeds, long lastSequence) {

    public HouseholdSummary {
        members = members == null ? List.of() : List.copyOf(members);
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** A member's facts that monitoring's rules read. */
    public record MemberSummary(UUID memberId, String relation, List<String> health, String labourSkill,
            String idNumberHash, boolean active) {

        public MemberSummary {
            health = health == null ? List.of() : List.copyOf(health);
        }

        /** 普通劳动力 or 技能劳动力 (A11 01, 02). */
        public boolean canWork() {
            return active && ("01".equals(labourSkill) || "02".equals(labourSkill));
        }
    }

    /** 两不愁三保障 as the latest annual record had it. */
    public record BasicNeeds(Boolean noCompulsoryEducationDropout, Boolean basicMedicalInsurance, Boolean safeHousing,
            Boolean safeDrinkingWater) {

        /** Met only when the record said so; unknown is not met. */
        public boolean met(BasicNeed need) {
            Boolean said = switch (need) {
                case NO_COMPULSORY_EDUCATION_DROPOUT -> noCompulsoryEducationDropout;
                case BASIC_MEDICAL_INSURANCE -> basicMedicalInsurance;
                case SAFE_HOUSING -> safeHousing;
                case SAFE_DRINKING_WATER -> safeDrinkingWater;
            };
            return Boolean.TRUE.equals(said);
        }
    }

    public HouseholdSummary withHeadName(String name) {
        return new HouseholdSummary(householdId, divisionCode, category, status, size, name, headIdHash, members,
                causes, incomeYear, perCapitaIncome, basicNeeds, lastSequence);
    }

    /** Exited registered households and marginal households are who monitoring watches. */
    public boolean watchable() {
        return "MARGINAL".equals(category) || "REGISTERED".equals(category) && "EXITED".equals(status);
    }

    public boolean hasLabourCapacity() {
        return members.stream().anyMatch(MemberSummary::canWork);
    }

    public boolean exitedRegistered() {
        return "REGISTERED".equals(category) && "EXITED".equals(status);
    }
}
