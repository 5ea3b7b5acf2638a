package cn.fupin.bench.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import cn.fupin.bench.stack.StackClient;
import cn.fupin.bench.stack.Tokens;
import cn.fupin.contracts.rules.WorkYear;
import io.gatling.javaapi.core.ChainBuilder;

/**
 * The reads the read path and the province scenario measure, as the city office makes them: a village's first page
 * (20 households), a search by ID number (of the village's people, read before the load starts), each report for the
 * county. Each is made a chain for a step's name and target.
 */
public final class Reads {

    /** A village of the demo county (the clerk {@code xiyang.clerk}'s). */
    public static final String VILLAGE = "350481100201";
    /**
     * Each report by its name, with its path under {@code /api/v1/reports/}: income and progress are of a year, the
     * others default to the work year.
     */
    public static final Map<String, String> REPORTS = reports(WorkYear.of(Clock.systemUTC()));

    private Reads() {
    }

    static Map<String, BiFunction<String, Target, ChainBuilder>> of(LoadSettings settings, Tokens city) {
        List<Map<String, Object>> idNumbers = new StackClient(settings.household(), city).idNumbersOf(VILLAGE, 40)
                .stream().<Map<String, Object>>map(idNumber -> Map.of("idNumber", idNumber)).toList();
        Map<String, BiFunction<String, Target, ChainBuilder>> reads = new LinkedHashMap<>();
        reads.put("village page", (name, target) -> get(city, name, settings.household(target)
                + "/api/v1/households?areaCode=" + VILLAGE + "&size=20"));
        reads.put("ID search", (name, target) -> feed(listFeeder(idNumbers).circular())
                .exec(get(city, name, settings.household(target) + "/api/v1/persons?idNumber=#{idNumber}")));
        REPORTS.forEach((report, path) -> reads.put("report " + report,
                (name, target) -> get(city, name, settings.reporting(target) + "/api/v1/reports/" + path)));
        return reads;
    }

    private static Map<String, String> reports(int year) {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : List.of("overview", "dynamic-adjustment", "monitoring", "income?year=" + year,
                "progress?year=" + year, "data-quality", "reconciliation")) {
            reports.put(path.replaceFirst("\\?.*", ""), path);
        }
        return Collections.unmodifiableMap(reports);
    }

    private static ChainBuilder get(Tokens city, String name, String url) {
        return exec(http(name).get(url).header("Authorization", session -> city.bearer()).check(status().is(200)));
    }
}
