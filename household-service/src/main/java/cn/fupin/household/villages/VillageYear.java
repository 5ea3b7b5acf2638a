package cn.fupin.household.villages;

import java.math.BigDecimal;

/**
 * 贫困村基础信息 of one year.
 *
 * @param poorVillage 是否贫困村
 * @param exitYear 退出年度
 * @param registeredHouseholds 建档立卡户数
 * @param registeredPopulation 建档立卡人数
 * @param collectiveIncome 村集体经济收入 (yuan)
 * @param hardenedRoad 通硬化路
 * @param safeWater 安全饮水
 * @param electricity 通动力电
 * @param broadband 通宽带
 */
public record VillageYear(boolean poorVillage, Integer exitYear, Integer registeredHouseholds,
        Integer registeredPopulation, BigDecimal collectiveIncome, Boolean hardenedRoad, Boolean safeWater,
        Boolean electricity, Boolean broadband) {
}
