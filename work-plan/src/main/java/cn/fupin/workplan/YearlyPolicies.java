package cn.fupin.workplan;

import java.time.Clock;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.web.ApiException;

/**
 * The answer to "what are year Y's policy figures" in every service. A year gets them only with its published work
 * plan, which review-service refuses without them, so a year that has none has no plan either.
 */
public interface YearlyPolicies {

    Optional<YearlyPolicy> find(int year);

    /** The latest year at or before {@code year} that has its figures. */
    Optional<YearlyPolicy> latestUpTo(int year);

    /** The year's figures, or a 409 {@code no-yearly-policy}: its work plan has not been published yet. */
    default YearlyPolicy require(int year) {
        return find(year).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "no-yearly-policy",
                "本年度政策参数尚未发布", year + " 年度工作方案及政策参数（贫困线、监测线系数、公示天数）尚未由市扶贫办发布"));
    }

    /**
     * The figures in force: those of the plan governing today's work (this year's once published, until then the
     * last published year's), whose {@link YearlyPolicy#assessedYear() assessed year} an exit or a risk elimination
     * must rest on; a 409 {@code no-yearly-policy} when no plan was ever published.
     */
    default YearlyPolicy inForce(Clock clock) {
        int thisYear = WorkYear.of(clock);
        return latestUpTo(thisYear).orElseGet(() -> require(thisYear));
    }
}
