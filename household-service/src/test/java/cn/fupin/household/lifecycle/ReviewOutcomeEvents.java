package cn.fupin.household.lifecycle;

import java.util.UUID;

/** review-service's outcome events, as it publishes them, for driving the saga from tests. */
final class ReviewOutcomeEvents {

    private ReviewOutcomeEvents() {
    }

    static String approved(String caseType, String householdId, String requestId, String area) {
        return outcome("ReviewApproved", caseType, householdId, requestId, area,
                "\"approvedAt\":\"2020-11-05T08:00:00Z\",");
    }

    static String rejected(String caseType, String householdId, String requestId, String area, String reason) {
        return outcome("ReviewRejected", caseType, householdId, requestId, area,
                "\"rejectedAt\":\"2020-11-05T08:00:00Z\",\"rejectedStage\":\"TOWNSHIP\",\"reasons\":[{\"text\":\""
                        + reason + "\"}],");
    }

    /** A stage's return for correction (退回修改) with reasons ({@code code}, {@code text}) or only a comment. */
    static String returned(String caseType, String householdId, String requestId, String area, String reasonCode,
            String reasonText, String comment) {
        String reasons = reasonText == null ? "null"
                : "[{\"code\":\"%s\",\"text\":\"%s\"}]".formatted(reasonCode, reasonText);
        return stageDecided("RETURN", caseType, householdId, requestId, area, reasons, comment);
    }

    /** A stage's decision ({@code ReviewStageDecided}): APPROVE, REJECT or RETURN; reasons as JSON or null. */
    static String stageDecided(String decision, String caseType, String householdId, String requestId, String area,
            String reasons, String comment) {
        return """
                {"specversion":"1.0","id":"review:review-case:%2$s:3","source":"/fupin/review-service",
                 "type":"fupin.review.ReviewStageDecided.v1","subject":"%2$s","time":"2020-11-05T08:00:00Z",
                 "datacontenttype":"application/json",
                 "dataschema":"https://schemas.fupin.cn/events/review/ReviewStageDecided.v1.schema.json",
                 "areacode":"%6$s","actor":"township-1","correlationid":"c",
                 "aggregatetype":"review-case","sequence":3,
                 "data":{"caseId":"%2$s","caseType":"%3$s","subjectType":"HOUSEHOLD","subjectId":"%4$s",
                         "areaCode":"%6$s","year":2020,"requestId":"%5$s","stage":"TOWNSHIP","decision":"%1$s",
                         "decidedBy":"township-1","decidedAt":"2020-11-05T08:00:00Z","comment":%7$s,
                         "reasons":%8$s}}"""
                .formatted(decision, UUID.randomUUID(), caseType, householdId, requestId, area,
                        comment == null ? "null" : "\"" + comment + "\"", reasons);
    }

    private static String outcome(String type, String caseType, String householdId, String requestId, String area,
            String outcomeFields) {
        return """
                {"specversion":"1.0","id":"review:review-case:%2$s:9","source":"/fupin/review-service",
                 "type":"fupin.review.%1$s.v1","subject":"%2$s","time":"2020-11-05T08:00:00Z",
                 "datacontenttype":"application/json","areacode":"%6$s","actor":"city-1","correlationid":"c",
                 "aggregatetype":"review-case","sequence":9,
                 "data":{"caseId":"%2$s","caseType":"%3$s","subjectType":"HOUSEHOLD","subjectId":"%4$s",
                         "areaCode":"%6$s","year":2020,"requestId":"%5$s",%7$s"decisions":[]}}"""
                .formatted(type, UUID.randomUUID(), caseType, householdId, requestId, area, outcomeFields);
    }
}
