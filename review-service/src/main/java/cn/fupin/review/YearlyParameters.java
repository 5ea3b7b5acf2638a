package cn.fupin.review;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.codebook.Codebook;

/**
 * The codebook's yearly parameters as review uses them. A year the codebook does not list yet takes the template
 * year's (2020) values, so a new year works before its parameters are confirmed.
 */
@Component
public class YearlyParameters {

    static final String TEMPLATE_YEAR = "2020";

    private final Codebook codebook;

    YearlyParameters() {
        this.codebook = Codebook.forYear(2020);
    }

    /** 公示 at least this many days (publicity_days_min). */
    public int minNoticeDays(int year) {
        return Integer.parseInt(value(year, "publicity_days_min", "7"));
    }

    private String value(int year, String name, String fallback) {
        return codebook.parameter(String.valueOf(year), name)
                .or(() -> codebook.parameter(TEMPLATE_YEAR, name))
                .map(Object::toString).orElse(fallback);
    }
}
