package cn.fupin.monitoring.warnings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.households.HouseholdSummary.MemberSummary;

/**
 * The early-warning rules (监测预警) of domain.md, on one change of a household: its new year's income under the
 * year's monitoring line (once the year's policy is published); a member who died (natural decrease reason 1); a
 * member newly seriously ill (A10 03) or disabled (A10 04); 因灾 (A27 04) newly among its causes. Pure: the facts
 * in, the warnings out.
 */
final class WarningRules {

    static final String DEATH = "1";
    static final String SERIOUS_ILLNESS = "03";
    static final String DISABILITY = "04";
    static final String DISASTER = "04";

    private WarningRules() {
    }

    record Warning(Trigger trigger, Map<String, Object> facts) {
    }

    static List<Warning> of(String eventName, Map<String, Object> data, HouseholdSummary before,
            HouseholdSummary after, BigDecimal monitoringLine) {
        List<Warning> warnings = new ArrayList<>();
        switch (eventName) {
            case "AnnualRecordSubmitted" -> {
                BigDecimal income = new BigDecimal(String.valueOf(data.get("perCapitaIncome")));
                if (monitoringLine != null && income.compareTo(monitoringLine) < 0) {
                    warnings.add(new Warning(Trigger.INCOME_BELOW_MONITORING_LINE, facts("year", data.get("year"),
                            "perCapitaIncome", income.toPlainString(), "monitoringLine",
                            monitoringLine.toPlainString())));
                }
            }
            case "MemberRemoved" -> {
                if (DEATH.equals(data.get("reason"))) {
                    warnings.add(new Warning(Trigger.MEMBER_DECEASED, facts("memberId", data.get("memberId"),
                            "date", data.get("effectiveDate"))));
                }
            }
            case "HouseholdUpdated" -> {
                Set<String> hadCauses = before == null ? Set.of() : Set.copyOf(before.causes());
                if (after.causes().contains(DISASTER) && !hadCauses.contains(DISASTER)) {
                    warnings.add(new Warning(Trigger.DISASTER, facts("causes", after.causes())));
                }
            }
            default -> {
            }
        }
        warnings.addAll(newHealth(before, after, SERIOUS_ILLNESS, Trigger.MEMBER_SERIOUSLY_ILL));
        warnings.addAll(newHealth(before, after, DISABILITY, Trigger.MEMBER_DISABLED));
        return warnings;
    }

    /** Active members whose health now has the code and did not before (a new member counts as new). */
    private static List<Warning> newHealth(HouseholdSummary before, HouseholdSummary after, String code,
            Trigger trigger) {
        if (before == null) {
            return List.of();
        }
        Map<UUID, MemberSummary> was = before.members().stream()
                .collect(Collectors.toMap(MemberSummary::memberId, m -> m, (a, b) -> b));
        return after.members().stream()
                .filter(m -> m.active() && m.health().contains(code))
                .filter(m -> !was.containsKey(m.memberId()) || !was.get(m.memberId()).health().contains(code))
                .map(m -> new Warning(trigger, facts("memberId", m.memberId().toString(), "health", m.health())))
                .toList();
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
