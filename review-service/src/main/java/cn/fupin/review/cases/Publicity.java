package cn.fupin.review.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The village stage's 民主评议 (democratic appraisal) and 公示 (public notice) of one submission round, with the
 * objections raised during the notice and how each was handled.
 */
public record Publicity(int round, Appraisal appraisal, LocalDate noticeStart, LocalDate noticeEnd, String noticePlace,
        List<Objection> objections, String recordedBy, Instant recordedAt) {

    public Publicity {
        objections = objections == null ? List.of() : List.copyOf(objections);
    }

    /** Days of notice, both ends included. */
    public int noticeDays() {
        return (int) ChronoUnit.DAYS.between(noticeStart, noticeEnd) + 1;
    }

    /** The notice period is over once its last day has passed. */
    public boolean noticeEndedBy(LocalDate today) {
        return today.isAfter(noticeEnd);
    }

    public List<Objection> unhandled() {
        return objections.stream().filter(objection -> objection.handling() == null || objection.handling().isBlank())
                .toList();
    }

    /** The appraisal meeting: date, number of participants, result (AGREED / DISAGREED), a note. */
    public record Appraisal(LocalDate date, int participants, String result, String note) {

        public boolean agreed() {
            return "AGREED".equals(result);
        }
    }

    /** An objection raised during the notice and how it was handled (null while unhandled). */
    public record Objection(LocalDate receivedOn, String content, String handling) {
    }
}
