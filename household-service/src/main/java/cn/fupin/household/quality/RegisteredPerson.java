package cn.fupin.household.quality;

import java.util.UUID;

import cn.fupin.household.household.Category;
import cn.fupin.household.household.PovertyStatus;

/**
 * A member living in some household of the registry, as the rules that look beyond one household see him.
 *
 * @param householdId his household
 * @param divisionCode the household's village
 * @param category the household's category
 * @param status the household's status
 * @param name A1 姓名
 * @param idNumber A4 证件号码, as stored
 */
public record RegisteredPerson(UUID householdId, String divisionCode, Category category, PovertyStatus status,
        String name, String idNumber) {
}
