package cn.fupin.reporting.summary.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.fupin.reporting.summary.figures.TownshipFigures;
import cn.fupin.reporting.export.Table;
import cn.fupin.reporting.summary.figures.TownshipFigures.Count;

/**
 * How the report words and tabulates counts: every named code gets its line (zeros too, so a reader sees what was
 * looked at), codes the names do not know follow as they are.
 */
final class Tables {

    private Tables() {
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** "3户10人". */
    static String text(Count count) {
        return count.households() + "户" + count.persons() + "人";
    }

    static String text(Map<String, Count> counts, String code) {
        return text(counts.getOrDefault(code, Count.NONE));
    }

    static Count sum(Collection<Count> counts) {
        return new Count(counts.stream().mapToLong(Count::households).sum(),
                counts.stream().mapToLong(Count::persons).sum());
    }

    static long total(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Households and persons per code, with a total line. */
    static Table counted(String title, String column, Map<String, String> names, Map<String, Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        all(names, counts).forEach((code, name) -> {
            Count c = counts.getOrDefault(code, Count.NONE);
            rows.add(row(name, c.households(), c.persons()));
        });
        Count sum = sum(counts.values());
        rows.add(row("合计", sum.households(), sum.persons()));
        return new Table(title, List.of(column, "户数", "人数"), rows);
    }

    /** One number per code. */
    static Table numbered(String title, String column, Map<String, String> names, Map<String, Long> values,
            String valueColumn) {
        List<List<Object>> rows = new ArrayList<>();
        all(names, values).forEach((code, name) -> rows.add(row(name, values.getOrDefault(code, 0L))));
        return new Table(title, List.of(column, valueColumn), rows);
    }

    /** The named codes in their order, then any other code present, named by itself. */
    static Map<String, String> all(Map<String, String> names, Map<String, ?> present) {
        Map<String, String> all = new LinkedHashMap<>(names);
        present.keySet().forEach(code -> all.putIfAbsent(code, String.valueOf(code)));
        return all;
    }
}
