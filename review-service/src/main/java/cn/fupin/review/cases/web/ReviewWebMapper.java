package cn.fupin.review.cases.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.fupin.contracts.review.model.Appraisal;
import cn.fupin.contracts.review.model.Notice;
import cn.fupin.contracts.review.model.Objection;
import cn.fupin.contracts.review.model.Reason;
import cn.fupin.contracts.review.model.ReviewCase;
import cn.fupin.contracts.review.model.ReviewListItem;
import cn.fupin.contracts.review.model.ReviewPage;
import cn.fupin.contracts.review.model.ReviewSummaryRow;
import cn.fupin.contracts.review.model.StageDecision;
import cn.fupin.contracts.review.model.Submission;
import cn.fupin.review.cases.Publicity;
import cn.fupin.review.cases.ReviewCaseStore;
import cn.fupin.review.cases.ReviewQueries;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Between the contract's DTOs and the review domain. */
@Mapper
public interface ReviewWebMapper {

    JsonMapper JSON = JsonMapper.builder().build();

    ReviewListItem toDto(ReviewQueries.Item item);

    ReviewPage toDto(ReviewQueries.Page page);

    ReviewSummaryRow toDto(ReviewQueries.SummaryRow row);

    StageDecision toDto(cn.fupin.review.cases.StageDecision decision);

    Reason toDto(cn.fupin.review.cases.StageDecision.Reason reason);

    cn.fupin.review.cases.StageDecision.Reason toDomain(Reason reason);

    List<cn.fupin.review.cases.StageDecision.Reason> toDomain(List<Reason> reasons);

    Appraisal toDto(Publicity.Appraisal appraisal);

    Publicity.Appraisal toDomain(Appraisal appraisal);

    Objection toDto(Publicity.Objection objection);

    Publicity.Objection toDomain(Objection objection);

    @Mapping(target = "snapshot", expression = "java(snapshot(submission.snapshot()))")
    Submission toDto(ReviewCaseStore.Submission submission);

    @Mapping(target = "notice", expression = "java(notice(publicity))")
    @Mapping(target = "noticeDays", expression = "java(publicity.noticeDays())")
    @Mapping(target = "noticeEnded", expression = "java(today != null && publicity.noticeEndedBy(today))")
    cn.fupin.contracts.review.model.Publicity toDto(Publicity publicity, @org.mapstruct.Context java.time.LocalDate today);

    default Notice notice(Publicity publicity) {
        return new Notice(publicity.noticeStart(), publicity.noticeEnd()).place(publicity.noticePlace());
    }

    /** The case in full: what was asked in each round, the village's notice, every decision. */
    default ReviewCase toDto(ReviewQueries.Detail detail, java.time.LocalDate today) {
        cn.fupin.review.cases.ReviewCase c = detail.reviewCase();
        List<ReviewCaseStore.Submission> submissions = detail.submissions();
        return new ReviewCase(c.id(), cn.fupin.contracts.review.model.CaseType.fromValue(c.type().name()),
                cn.fupin.contracts.review.model.SubjectType.fromValue(c.type().subjectType().name()), c.subjectId(),
                c.areaCode(), c.year(), cn.fupin.contracts.review.model.CaseState.fromValue(c.state().name()),
                c.stages().stream().map(s -> cn.fupin.contracts.review.model.Stage.fromValue(s.name())).toList(),
                c.round(), c.submittedBy(), at(c.openedAt()), detail.overdue(),
                submissions.isEmpty() ? Map.of() : snapshot(submissions.getLast().snapshot()),
                submissions.stream().map(this::toDto).toList(),
                c.decisions().stream().map(this::toDto).toList(), c.version())
                .requestId(c.requestId())
                .currentStage(c.currentStage() == null ? null
                        : cn.fupin.contracts.review.model.Stage.fromValue(c.currentStage().name()))
                .stageEnteredAt(at(c.stageEnteredAt())).deadline(at(detail.deadline())).closedAt(at(c.closedAt()))
                .publicity(detail.publicity() == null ? null : toDto(detail.publicity(), today))
                .evidence(detail.evidence().stream().map(this::toDto).toList());
    }

    cn.fupin.contracts.review.model.Evidence toDto(cn.fupin.review.cases.Evidence evidence);

    default OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default Map<String, Object> snapshot(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }
}
