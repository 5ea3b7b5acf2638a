package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;

/**
 * A registration (form 1 or form 4) as asked for, before the rules have passed it; {@code appliedOn} is the day
 * the household applied (the form's signature date), the day of entry when not stated; {@code risks} the A52 risks
 * form 4 declares for a marginal household (monitoring-service proposes it for monitoring with them).
 */
public record NewHousehold(Category category, String divisionCode, String naturalVillage, String phone,
        String identificationStandard, Boolean militaryFamily, String bankName, String bankAccount,
        List<String> causes, List<String> risks, List<NewMember> members, LocalDate appliedOn) {

    public NewHousehold {
        causes = causes == null ? List.of() : List.copyOf(causes);
        risks = risks == null ? List.of() : List.copyOf(risks);
    }
}
