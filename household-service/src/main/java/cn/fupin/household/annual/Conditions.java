package cn.fupin.household.annual;

import java.math.BigDecimal;

/**
 * 生产生活条件 of a year (A33–A48); areas in mu, distance in km, housing in square metres.
 *
 * @param cultivatedLand A33 耕地面积
 * @param grassland A34 牧草地面积
 * @param waterSurface A35 水面面积
 * @param forestLand A36 林地面积
 * @param returnedFarmland A36a 退耕还林面积
 * @param orchard A36b 林果面积
 * @param roadType A37 入户路类型
 * @param distanceToMainRoad A38 与村主干路距离
 * @param cooperativeMember A39 是否加入农民专业合作组织
 * @param dangerousHouseGrade A40 危房等级 (3 = C, 4 = D: dangerous)
 * @param housingArea A41 住房面积
 * @param electricity A42 是否通生活用电
 * @param sanitaryToilet A43 是否有卫生厕所
 * @param safeDrinkingWater A44 是否解决安全饮用水
 * @param fuelType A45 主要燃料类型
 * @param leadingEnterprise A46 是否有龙头企业带动
 * @param entrepreneurLeader A47 是否有创业致富带头人带动
 * @param broadcastTv A48 是否通广播电视
 */
public record Conditions(BigDecimal cultivatedLand, BigDecimal grassland, BigDecimal waterSurface,
        BigDecimal forestLand, BigDecimal returnedFarmland, BigDecimal orchard, String roadType,
        BigDecimal distanceToMainRoad, Boolean cooperativeMember, String dangerousHouseGrade, BigDecimal housingArea,
        Boolean electricity, Boolean sanitaryToilet, Boolean safeDrinkingWater, String fuelType,
        Boolean leadingEnterprise, Boolean entrepreneurLeader, Boolean broadcastTv) {

    /** 住房安全: known and not a grade C or D dangerous house. */
    public boolean safeHousing() {
        return dangerousHouseGrade != null && !"3".equals(dangerousHouseGrade) && !"4".equals(dangerousHouseGrade);
    }
}
