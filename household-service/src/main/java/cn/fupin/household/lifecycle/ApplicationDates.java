package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.contracts.rules.WorkYear;

/**
 * 申请日期: the day the household applied (the date of its written application), which the village's democratic
 * appraisal and public notice may not precede (review-service checks them against it). The day of entry when the
 * clerk states none; never a later day than today.
 */
final class ApplicationDates {

    private ApplicationDates() {
    }

    static LocalDate of(LocalDate stated, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        if (stated == null) {
            return today;
        }
        if (stated.isAfter(today)) {
            throw ApiException.invalid(List.of(new FieldError("appliedOn", null, "申请日期不能晚于今天")));
        }
        return stated;
    }
}
