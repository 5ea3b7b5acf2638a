package cn.fupin.reporting.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.fupin.reporting.summary.figures.TownshipFigures;

import cn.fupin.reporting.summary.figures.TownshipFigures.Count;
import cn.fupin.reporting.summary.figures.TownshipFigures.Income;
import cn.fupin.reporting.summary.figures.TownshipFigures.Monitoring;
import cn.fupin.reporting.summary.figures.TownshipFigures.OpenClosed;
import cn.fupin.reporting.summary.figures.TownshipFigures.Progress;
import cn.fupin.reporting.summary.figures.TownshipFigures.Reviews;
import cn.fupin.reporting.summary.figures.TownshipFigures.Village;
import cn.fupin.reporting.summary.figures.TownshipFigures.Window;

/** Object mother: the figures of 罗坊乡 in 2020 as a small scripted year leaves them, with as many villages as asked. */
final class SampleFigures {

    private SampleFigures() {
    }

    static TownshipFigures luofang() {
        return luofang(2);
    }

    static TownshipFigures luofang(int villages) {
        List<Village> rows = new ArrayList<>();
        rows.add(new Village("350481201201", "罗坊村", new Count(1, 5), 1, 0, 0, 0, 1, 0, 0, 1,
                OpenClosed.NONE));
        rows.add(new Village("350481201202", "吉坑村", new Count(2, 4), 0, 1, 0, 0, 0, 1, 1, 0,
                new OpenClosed(1, 1)));
        for (int i = 3; i <= villages; i++) {
            rows.add(new Village("350481201" + (200 + i), "第" + i + "村", Count.NONE, 0, 0, 0, 0, 0, 0, 0, 0,
                    OpenClosed.NONE));
        }
        return new TownshipFigures("350481201", "罗坊乡", 2020, LocalDate.of(2020, 10, 26),
                Map.of("REGISTERED", new Count(2, 7), "MARGINAL", new Count(1, 2)),
                Map.of("POOR", new Count(1, 5), "EXITED", new Count(1, 2), "MARGINAL", new Count(1, 2)),
                Map.of("IDENTIFIED", new Count(1, 4), "EXITED", new Count(1, 2)), Map.of("1", 1L), Map.of("1", 1L),
                new Income(new BigDecimal("4000.00"), new BigDecimal("6000.00"), new Count(1, 5), new Count(1, 2),
                        new Count(1, 2), Map.of("REGISTERED", new BigDecimal("5250.00"), "MARGINAL",
                                new BigDecimal("5000.00"))),
                new Monitoring(Map.of("MARGINAL", 1L), Map.of("MONITORED", 1L), Map.of("1", 1L), 1),
                Map.of("POVERTY_EXIT", new Reviews(1, 1, 0, 0)),
                Map.of("one-head", new OpenClosed(0, 1), "survey-2020-07", new OpenClosed(1, 0)),
                new Progress(Optional.of(new Window(true, "REQUEST_APPROVED")), 3, Map.of("TOWNSHIP", 1L),
                        Map.of("REPORT_AND_FUNCTION_OPENING", LocalDate.of(2020, 10, 27), "SUMMARY",
                                LocalDate.of(2020, 12, 31))),
                rows);
    }
}
