package cn.fupin.monitoring.objects.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.fupin.contracts.monitoring.model.Assessment;
import cn.fupin.contracts.monitoring.model.Assistance;
import cn.fupin.contracts.monitoring.model.MonitoringObjectSummary;
import cn.fupin.contracts.monitoring.model.YearIncome;
import cn.fupin.contracts.monitoring.model.StatusChange;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.objects.Codes;
import cn.fupin.monitoring.objects.MonitoringObject;
import cn.fupin.monitoring.objects.MonitoringObjectStore;

/** Between the contract's DTOs and the monitoring domain. */
@Mapper
interface MonitoringWebMapper {

    @Mapping(target = "measureName", expression = "java(codes.measureName(assistance.measure()))")
    Assistance toDto(MonitoringObjectStore.Assistance assistance, @Context Codes codes);

    @Mapping(target = "perCapitaIncome", expression = "java(money(assessment.perCapitaIncome()))")
    Assessment toDto(MonitoringObjectStore.Assessment assessment);

    StatusChange toDto(MonitoringObjectStore.StatusChange change);

    /**
     * The object in full, with its history, assistance and assessments; its income as proposed and its household's
     * latest year's income (null while monitoring has seen no annual record of it).
     */
    default cn.fupin.contracts.monitoring.model.MonitoringObject toDto(MonitoringObject o,
            List<MonitoringObjectStore.StatusChange> history, List<MonitoringObjectStore.Assistance> assistance,
            List<MonitoringObjectStore.Assessment> assessments, HouseholdSummary household, @Context Codes codes) {
        return new cn.fupin.contracts.monitoring.model.MonitoringObject(o.id(),
                cn.fupin.contracts.monitoring.model.ObjectType.fromValue(o.type().name()), o.householdId(),
                o.divisionCode(), o.year(),
                cn.fupin.contracts.monitoring.model.MonitoringStatus.fromValue(o.status().name()), o.risks(),
                codes.riskNames(o.risks()), o.size(), at(o.createdAt()), o.version(),
                assistance.stream().map(a -> toDto(a, codes)).toList(),
                assessments.stream().map(this::toDto).toList(), history.stream().map(this::toDto).toList())
                .headName(o.headName()).perCapitaIncome(money(o.perCapitaIncome()))
                .incomeAtProposal(money(o.perCapitaIncome())).latestIncome(latestIncome(household))
                .requestId(o.requestId())
                .requestState(o.requestState()).reviewReasons(o.reviewReasons()).identifiedAt(at(o.identifiedAt()))
                .clearedAt(at(o.clearedAt()));
    }

    default YearIncome latestIncome(HouseholdSummary household) {
        return household == null || household.incomeYear() == null || household.perCapitaIncome() == null ? null
                : new YearIncome(household.incomeYear(), money(household.perCapitaIncome()));
    }

    default MonitoringObjectSummary toSummary(MonitoringObject o) {
        return new MonitoringObjectSummary(o.id(),
                cn.fupin.contracts.monitoring.model.ObjectType.fromValue(o.type().name()), o.householdId(),
                o.divisionCode(), o.year(),
                cn.fupin.contracts.monitoring.model.MonitoringStatus.fromValue(o.status().name()), o.risks(),
                at(o.createdAt())).headName(o.headName());
    }

    default OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default String money(java.math.BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
