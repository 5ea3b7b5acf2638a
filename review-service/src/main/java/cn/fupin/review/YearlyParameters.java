package cn.fupin.review;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;

/**
 * The codebook's yearly parameters as review uses them. A year the codebook does not list yet takes the template
 * year's (2020) values, so a new year works before its parameters are confirmed.
 */
@Component
public class YearlyParameters {

    private final Codebook codebook;

    YearlyParameters() {
        this.codebook = Codebook.forYear(2020);
    }

    /** 公示 at least this many days (publicity_days_min). */
    public int minNoticeDays(int year) {
        return codebook.parameterOrTemplate(year, "publicity_days_min").map(java.math.BigDecimal::intValue)
                .orElse(7);
    }
}
