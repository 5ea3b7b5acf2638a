package cn.fupin.review.functions.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mapstruct.Mapper;

import cn.fupin.contracts.review.model.DecisionInput;
import cn.fupin.contracts.review.model.Reason;
import cn.fupin.contracts.review.model.StageDecision;

/** The function opening case's decisions, between the contract's DTOs and the review domain's API. */
@Mapper
interface FunctionRequestWebMapper {

    StageDecision toDto(cn.fupin.review.cases.StageDecision decision);

    Reason toDto(cn.fupin.review.cases.StageDecision.Reason reason);

    cn.fupin.review.cases.StageDecision.Reason toDomain(Reason reason);

    List<cn.fupin.review.cases.StageDecision.Reason> toDomain(List<Reason> reasons);

    default List<cn.fupin.review.cases.StageDecision.Reason> reasons(DecisionInput input) {
        return input.getReasons() == null ? List.of() : toDomain(input.getReasons());
    }

    default OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
